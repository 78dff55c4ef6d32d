import Link from 'next/link'

import { formatDateJa } from '@/lib/i18n'
import type { PublicReview } from '@/lib/queries/agents'
import { own } from '@/lib/own'
import { ANONYMOUS_REVIEWER } from '@/lib/reviewForm'
import { REPLY_AUTHORS, SUB_RATINGS, USAGE } from '@/lib/taxonomy'

import { reportReviewAction, voteHelpfulAction } from '@/app/(site)/reviews/actions'

import { Highlight } from './Highlight'
import { RatingStars } from './RatingStars'
import { ReviewActions } from './ReviewActions'
import { ReviewChips } from './ReviewChips'

type Props = {
  review: PublicReview
  /** the agent's page this review belongs to (`/agents/slug`) */
  agentPath: string
  /** the page it is shown on, with its list parameters; the review's own page by default */
  pagePath?: string
  /** the title's heading: a list's reviews sit under its h2, a review's own page under its h1 */
  titleAs?: 'h2' | 'h3'
  /** the words searched for, marked where they appear (a search within the reviews) */
  query?: string
}

/** 「ぽんたさん」, but not 「ぽんたさんさん」 for a name that carries its own honorific */
const withHonorific = (name: string) =>
  /(さん|様|さま|氏|くん|ちゃん)$/.test(name) ? name : `${name}さん`

/** The anchor of a review on any page that lists it */
export const reviewAnchor = (id: string | number) => `review-${id}`

/** The address of a review's own page */
export const reviewPath = (agentPath: string, id: string | number) =>
  `${agentPath}/reviews/${encodeURIComponent(String(id))}`

/**
 * One approved reader review with its rating, attributes and date, the link to its own page
 * (to share or quote it), and the reader's vote and report.
 */
export function ReviewItem({
  review,
  agentPath,
  pagePath,
  titleAs: Title = 'h3',
  query = '',
}: Props) {
  const ownPage = reviewPath(agentPath, review.id)
  const subRatings = Object.entries(SUB_RATINGS).flatMap(([key, label]) => {
    const value = own<number | null | undefined>(review.subRatings ?? {}, key)
    return typeof value === 'number' ? [[label, value] as const] : []
  })
  return (
    <article
      id={reviewAnchor(review.id)}
      className="scroll-mt-4 border-b border-slate-200 py-5"
      data-testid="review"
    >
      <p className="flex flex-wrap items-center gap-2">
        <RatingStars value={review.rating} size="sm" />
        <span className="text-sm font-bold">{review.rating}.0</span>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
          {own(USAGE, review.usage) ?? ''}
        </span>
        {review.rewarded ? (
          // a review written for a reward is shown like any other, with this label
          <span
            className="rounded border border-amber-600 px-2 py-0.5 text-xs font-bold text-amber-800"
            title="投稿者がこの口コミの謝礼・特典を受け取っています"
          >
            謝礼あり
          </span>
        ) : null}
      </p>
      <Title className="mt-2 font-bold">
        {query ? <Highlight text={review.title} query={query} /> : review.title}
      </Title>
      <p className="mt-1 text-sm text-slate-700">
        投稿者:{review.penName ? withHonorific(review.penName) : ANONYMOUS_REVIEWER}
      </p>
      <div className="mt-2">
        <ReviewChips chips={review.chips} coarsened={review.coarsened} withheld={review.withheld} />
      </div>
      <p className="mt-2 leading-relaxed whitespace-pre-line">
        {query ? <Highlight text={review.body} query={query} /> : review.body}
      </p>
      {subRatings.length > 0 ? (
        <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
          {subRatings.map(([label, value]) => (
            <div key={label} className="flex gap-1">
              <dt>{label}</dt>
              <dd className="font-bold">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {review.reply?.text ? (
        <aside
          className="mt-3 rounded-lg border-l-4 border-slate-400 bg-slate-50 p-3"
          aria-label={own(REPLY_AUTHORS, review.reply.author) ?? '返信'}
        >
          <p className="text-sm font-bold">
            {own(REPLY_AUTHORS, review.reply.author) ?? '返信'}
            {review.reply.repliedAt ? (
              <time className="ml-2 font-normal text-slate-600" dateTime={review.reply.repliedAt}>
                {formatDateJa(review.reply.repliedAt)}
              </time>
            ) : null}
          </p>
          <p className="mt-1 text-sm leading-relaxed whitespace-pre-line">{review.reply.text}</p>
        </aside>
      ) : null}
      <p className="mt-2 text-xs text-slate-600">
        {review.usedYear && review.usedMonth ? (
          <>
            利用時期:{review.usedYear}年{review.usedMonth}月 /{' '}
          </>
        ) : null}
        投稿日:<time dateTime={review.submittedAt}>{formatDateJa(review.submittedAt)}</time>
        {pagePath !== undefined ? (
          <>
            {' '}
            /{' '}
            <Link href={ownPage} className="-my-3.5 inline-block py-3.5 underline">
              この口コミのページ
            </Link>
          </>
        ) : null}
      </p>
      <ReviewActions
        permalink={`${pagePath ?? ownPage}#${reviewAnchor(review.id)}`}
        helpfulCount={review.helpfulCount ?? 0}
        vote={voteHelpfulAction.bind(null, String(review.id))}
        report={reportReviewAction.bind(null, String(review.id))}
      />
    </article>
  )
}
