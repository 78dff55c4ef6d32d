import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { Pagination } from '@/components/Pagination'
import { RatingStars } from '@/components/RatingStars'
import { formatDateJa } from '@/lib/i18n'
import { getPayloadClient } from '@/lib/payload'
import { currentReaderId } from '@/lib/readerCookie'
import {
  listOwnReviews,
  WITHDRAW_REFUSALS,
  type OwnReview,
  type OwnReviewPage,
  type WithdrawRefusal,
} from '@/lib/readerReviews'
import { OWN_REVIEWS_PATH } from '@/lib/reviewForm'
import { parsePage } from '@/lib/search'

import { withdrawReviewAction } from './actions'

// One reader's page (their cookie): rendered for each request, never kept by the page cache
// (lib/publicRoutes.ts lists only pages that depend on their address alone), never indexed.
export const metadata: Metadata = {
  title: '投稿した口コミ',
  robots: { index: false, follow: false },
}

type Props = {
  searchParams: Promise<{ page?: string | string[]; withdrawn?: string; error?: string }>
}

const STATES: Record<OwnReview['status'], { label: string; className: string }> = {
  pending: { label: '審査中', className: 'border-amber-700 bg-amber-50 text-amber-900' },
  approved: { label: '掲載中', className: 'border-emerald-700 bg-emerald-50 text-emerald-900' },
  rejected: { label: '非掲載', className: 'border-slate-500 bg-slate-100 text-slate-800' },
  withdrawn: { label: '取り下げ済み', className: 'border-slate-500 bg-white text-slate-700' },
}

function StateLine({ review }: { review: OwnReview }) {
  const reviewPath = review.agent ? `/agents/${review.agent.slug}/reviews/${review.id}` : null
  switch (review.status) {
    case 'pending':
      return <>編集部が投稿ガイドラインに沿って確認しています。掲載までは通常数日かかります。</>
    case 'approved':
      return reviewPath ? (
        <>
          サイトに掲載されています。
          <Link href={reviewPath} className="font-bold text-brand-700 underline">
            掲載された口コミを見る
          </Link>
        </>
      ) : (
        <>サイトに掲載されています。</>
      )
    case 'rejected':
      return (
        <>
          {review.reason ? `理由: ${review.reason}。` : null}
          <Link href="/review-guidelines" className="underline">
            投稿ガイドライン
          </Link>
          に沿わないため掲載しませんでした。
        </>
      )
    case 'withdrawn':
      return <>取り下げたため、サイトには表示されません。</>
  }
}

function OwnReviewItem({ review }: { review: OwnReview }) {
  const state = STATES[review.status]
  const headingId = `own-review-${review.id}`
  return (
    <li>
      <article
        aria-labelledby={headingId}
        className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5"
      >
        <p className="text-sm text-slate-700">
          {review.agent ? (
            <Link href={`/agents/${review.agent.slug}`} className="underline">
              {review.agent.name}
            </Link>
          ) : (
            'エージェント'
          )}
          <span aria-hidden="true"> ・ </span>
          <span className="sr-only">、</span>
          <time dateTime={review.submittedAt}>{formatDateJa(review.submittedAt)}</time>投稿
        </p>
        <h2 id={headingId} className="mt-1 text-lg leading-snug font-bold break-words">
          {review.title}
        </h2>
        <p className="mt-1">
          <RatingStars value={review.rating} size="sm" />
        </p>
        <p className="mt-3 leading-relaxed">
          <span
            className={`mr-2 inline-block rounded border px-2 py-0.5 text-sm font-bold ${state.className}`}
          >
            {state.label}
          </span>
          <StateLine review={review} />
        </p>
        {review.withdrawable ? (
          <details className="mt-3">
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-bold text-brand-700 underline">
              この口コミを取り下げる
            </summary>
            <form action={withdrawReviewAction} className="mt-2 rounded-lg bg-slate-50 p-3">
              <input type="hidden" name="review" value={review.id} />
              <p className="text-sm leading-relaxed">
                取り下げると、この口コミはサイトに表示されなくなり、元に戻せません。内容を直したいときは、取り下げてから新しく投稿してください(同じエージェントへの投稿は30日に1件までです)。
              </p>
              <button
                type="submit"
                className="mt-3 min-h-11 rounded-md border border-red-800 bg-white px-4 font-bold text-red-800"
              >
                取り下げる
              </button>
            </form>
          </details>
        ) : null}
      </article>
    </li>
  )
}

function Outcome({ withdrawn, error }: { withdrawn: boolean; error: WithdrawRefusal | null }) {
  if (withdrawn)
    return (
      <p
        role="status"
        className="mt-4 rounded-lg border border-emerald-700 bg-emerald-50 p-3 font-bold"
      >
        口コミを取り下げました。サイトには表示されなくなります。
      </p>
    )
  if (error)
    return (
      <p role="alert" className="mt-4 rounded-lg border border-red-800 bg-red-50 p-3 font-bold">
        {WITHDRAW_REFUSALS[error]}
      </p>
    )
  return null
}

const isRefusal = (value: string | undefined): value is WithdrawRefusal =>
  value !== undefined && Object.hasOwn(WITHDRAW_REFUSALS, value)

export default async function OwnReviewsPage({ searchParams }: Props) {
  const query = await searchParams
  const page = parsePage(query.page)
  if (page === null) notFound()
  const readerId = await currentReaderId()
  const reviews: OwnReviewPage | null = readerId
    ? await listOwnReviews(await getPayloadClient(), readerId, page)
    : null
  if (page > 1 && (!reviews || page > reviews.totalPages)) notFound()
  return (
    <div className="mx-auto max-w-3xl">
      <Breadcrumbs items={[{ name: 'ホーム', href: '/' }, { name: '投稿した口コミ' }]} />
      <h1 className="mt-4 text-2xl leading-snug font-bold">投稿した口コミ</h1>
      <p className="mt-3 leading-relaxed text-slate-800">
        このブラウザから投稿した口コミの審査状況を確認し、取り下げることができます。別の端末やブラウザから投稿した口コミ、Cookieを削除する前に投稿した口コミはここには表示されません。
      </p>
      <Outcome
        withdrawn={query.withdrawn === '1'}
        error={isRefusal(query.error) ? query.error : null}
      />
      {reviews && reviews.docs.length > 0 ? (
        <>
          <p className="mt-6 text-sm text-slate-700">
            {reviews.totalDocs.toLocaleString('ja-JP')}件
          </p>
          <ol className="mt-2 space-y-4">
            {reviews.docs.map((review) => (
              <OwnReviewItem key={review.id} review={review} />
            ))}
          </ol>
          <Pagination
            page={page}
            totalPages={reviews.totalPages}
            hrefFor={(p) => (p > 1 ? `${OWN_REVIEWS_PATH}?page=${p}` : OWN_REVIEWS_PATH)}
          />
        </>
      ) : (
        <section className="mt-6 rounded-xl border border-slate-200 bg-slate-50 p-5">
          <h2 className="font-bold">このブラウザから投稿した口コミはありません</h2>
          <p className="mt-2 leading-relaxed">
            エージェントのページの「口コミを投稿する」から、利用した体験を投稿できます。
          </p>
          <p className="mt-3">
            <Link
              href="/agents"
              className="inline-flex min-h-11 items-center font-bold text-brand-700 underline"
            >
              エージェント一覧を見る
            </Link>
          </p>
        </section>
      )}
    </div>
  )
}
