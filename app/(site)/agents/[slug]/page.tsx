import { domainToUnicode } from 'node:url'

import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { redirectOrNotFound } from '@/lib/redirectOrNotFound'
import { linkSlugOf } from '@/blocks/linkSlug'
import { isValidSlug } from '@/collections/shared/validators'
import { AffiliateCta } from '@/components/AffiliateCta'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { MediaImage, ogImageUrl } from '@/components/MediaImage'
import { serverUrl } from '@/lib/env'
import { agentJsonLd, breadcrumbJsonLd } from '@/lib/seo/jsonLd'
import { pageMetadata } from '@/lib/seo/metadata'
import { PrDisclosure } from '@/components/PrDisclosure'
import { RatingStars } from '@/components/RatingStars'
import { ReviewForm } from '@/components/ReviewForm'
import { ReviewItem } from '@/components/ReviewItem'
import { currentMonthInJapan } from '@/lib/reviewForm'
import {
  getAgentBySlug,
  getApprovedReviews,
  getReviewOutcomes,
  REVIEWS_PER_PAGE,
} from '@/lib/queries/agents'
import { getArticlesFeaturingAgent } from '@/lib/queries/articles'
import { parseReviewQuery, reviewQueryString } from '@/lib/reviewFilters'
import { Pagination } from '@/components/Pagination'
import { RatingBreakdown } from '@/components/RatingBreakdown'
import { RatingDistribution } from '@/components/RatingDistribution'
import { ReviewFilterForm } from '@/components/ReviewFilterForm'
import { ReviewSearchNotes } from '@/components/ReviewSearchNotes'
import { COUNT_CAP } from '@/lib/searchIndex/types'
import { formatDateJa } from '@/lib/i18n'
import Link from 'next/link'
import { getFactsPolicy, getSiteSettings } from '@/lib/queries/siteSettings'
import { factsToShow } from '@/lib/facts'
import { FactAsOf } from '@/components/FactAsOf'
import { AGENT_KINDS } from '@/lib/taxonomy'

import { submitReviewAction } from './review/actions'

/** A site's name as readers know it (Japanese domain names in kana, not punycode). */
function hostOf(url: string): string {
  try {
    return domainToUnicode(new URL(url).hostname) || url
  } catch {
    return url
  }
}

type Props = {
  params: Promise<{ slug: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const loadAgent = async (slug: string) => (isValidSlug(slug) ? getAgentBySlug(slug) : null)

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [agent, settings] = await Promise.all([loadAgent((await params).slug), getSiteSettings()])
  if (!agent) return {}
  const { filters, sort, page } = parseReviewQuery(await searchParams)
  // Each page of the newest-first list is its own page to search engines, so reviews past the
  // first page can be indexed; filtered and re-sorted views show the same reviews again and
  // fold into the unfiltered first page.
  const ownPage =
    page !== null && page > 1 && Object.keys(filters).length === 0 && sort === 'newest' ? page : 1
  const metadata = pageMetadata({
    title: `${agent.name}の評判・口コミ${ownPage > 1 ? `(${ownPage}ページ目)` : ''}`,
    description: `${agent.name}(${AGENT_KINDS[agent.kind]})の特徴と、利用者の口コミ${agent.reviewCount ?? 0}件。${agent.catchCopy}`,
    path: `/agents/${agent.slug}${ownPage > 1 ? `?page=${ownPage}` : ''}`,
    image: ogImageUrl(agent.logo),
    siteName: settings.siteName,
  })
  // a search within the reviews is a result list, as /search is: not for search engines
  return filters.q ? { ...metadata, robots: { index: false, follow: true } } : metadata
}

export default async function AgentPage({ params, searchParams }: Props) {
  const { slug } = await params
  const { filters, sort, page } = parseReviewQuery(await searchParams)
  const [agent, settings, factsPolicy] = await Promise.all([
    loadAgent(slug),
    getSiteSettings(),
    getFactsPolicy(),
  ])
  if (!agent) return redirectOrNotFound(`/agents/${slug}`)
  if (page === null) notFound()
  const [reviews, featuredIn, outcomes] = await Promise.all([
    getApprovedReviews(agent.id, page, sort, REVIEWS_PER_PAGE, filters),
    getArticlesFeaturingAgent(agent.id),
    getReviewOutcomes(agent.id),
  ])
  if (page > 1 && page > reviews.totalPages) notFound()
  const filtered = Object.keys(filters).length > 0
  const { search } = reviews
  const basePath = `/agents/${agent.slug}`
  const linkSlug = linkSlugOf(agent.primaryLink)
  const placement = `agent-${agent.slug}`

  const origin = serverUrl()
  return (
    <div className="mx-auto max-w-3xl">
      <JsonLd data={agentJsonLd(agent, reviews.docs, origin)} />
      <JsonLd
        data={breadcrumbJsonLd(
          [
            { name: 'ホーム', path: '/' },
            { name: 'エージェント比較', path: '/agents' },
            { name: agent.name },
          ],
          origin,
        )}
      />
      {linkSlug ? (
        <PrDisclosure text={settings.prDisclosureText} licenceLine={settings.licenceLine} />
      ) : null}
      <div className="mt-4">
        <Breadcrumbs
          items={[
            { name: 'ホーム', href: '/' },
            { name: 'エージェント比較', href: '/agents' },
            { name: agent.name },
          ]}
        />
      </div>

      <header className="mt-4 flex items-start gap-4">
        <MediaImage
          media={agent.logo}
          sizes="80px"
          className="h-20 w-20 shrink-0 rounded-xl object-cover"
          priority
        />
        <div>
          <p className="text-sm text-slate-600">{AGENT_KINDS[agent.kind]}</p>
          <h1 className="text-2xl leading-snug font-bold">{agent.name}の評判・口コミ</h1>
          <p className="mt-1 text-slate-700">{agent.catchCopy}</p>
        </div>
      </header>

      <section aria-labelledby="rating" className="mt-6 rounded-xl border border-slate-200 p-4">
        <h2 id="rating" className="sr-only">
          総合評価
        </h2>
        <p className="flex flex-wrap items-center gap-3">
          <RatingStars value={agent.ratingAverage ?? 0} size="lg" />
          <span className="text-2xl font-bold">{(agent.ratingAverage ?? 0).toFixed(1)}</span>
          <span className="text-sm text-slate-600">口コミ{agent.reviewCount ?? 0}件</span>
        </p>
        {agent.reviewCountLast12Months ? (
          <p className="mt-1 text-sm text-slate-700" data-testid="rating-recent">
            直近12か月の平均:
            <span className="font-bold">{(agent.ratingLast12Months ?? 0).toFixed(1)}</span>(
            {agent.reviewCountLast12Months}件)
          </p>
        ) : null}
        <RatingDistribution
          distribution={agent.ratingDistribution}
          total={agent.reviewCount ?? 0}
        />
        <RatingBreakdown
          details={agent.ratingDetails as Parameters<typeof RatingBreakdown>[0]['details']}
        />
        {linkSlug ? (
          <div className="mt-4">
            <AffiliateCta
              linkSlug={linkSlug}
              placement={placement}
              slot="agent-page"
              agentName={agent.name}
            />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="about" className="mt-8">
        <h2 id="about" className="text-xl font-bold">
          {agent.name}の特徴
        </h2>
        <p className="mt-3 leading-relaxed">{agent.description}</p>
        {agent.strengths?.length ? (
          <ul className="mt-4 space-y-2">
            {agent.strengths.map((s) => (
              <li key={s.id ?? s.text} className="flex gap-2">
                <span aria-hidden="true" className="font-bold text-emerald-700">
                  ✓
                </span>
                {s.text}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="facts" className="mt-8">
        <h2 id="facts" className="text-xl font-bold">
          基本情報
        </h2>
        <dl className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200">
          {factsToShow(agent.facts, factsPolicy).map((fact) => (
            <div key={fact.id ?? fact.label} className="grid grid-cols-3 gap-2 p-3 text-sm">
              <dt className="font-bold text-slate-700">{fact.label}</dt>
              <dd className="col-span-2">
                {fact.value}
                <FactAsOf asOf={fact.asOf} outdated={fact.outdated} />
              </dd>
            </div>
          ))}
          {agent.target?.experience ? (
            <div className="grid grid-cols-3 gap-2 p-3 text-sm">
              <dt className="font-bold text-slate-700">対象</dt>
              <dd className="col-span-2">{agent.target.experience}</dd>
            </div>
          ) : null}
          {agent.target?.workingDays ? (
            <div className="grid grid-cols-3 gap-2 p-3 text-sm">
              <dt className="font-bold text-slate-700">働き方</dt>
              <dd className="col-span-2">{agent.target.workingDays}</dd>
            </div>
          ) : null}
          {agent.officialUrl ? (
            <div className="grid grid-cols-3 gap-2 p-3 text-sm">
              <dt className="font-bold text-slate-700">公式サイト</dt>
              <dd className="col-span-2 break-all">
                <a
                  href={agent.officialUrl}
                  rel="noopener"
                  className="-my-3 inline-block py-3 text-brand-700 underline"
                >
                  {hostOf(agent.officialUrl)}
                </a>
              </dd>
            </div>
          ) : null}
          {agent.target?.area ? (
            <div className="grid grid-cols-3 gap-2 p-3 text-sm">
              <dt className="font-bold text-slate-700">エリア</dt>
              <dd className="col-span-2">{agent.target.area}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="reviews-title" className="mt-10" id="reviews">
        <h2 id="reviews-title" className="text-xl font-bold">
          {agent.name}の口コミ
        </h2>
        <p className="mt-2 text-xs leading-relaxed text-slate-600">{settings.reviewSourceLine}</p>
        <p className="mt-1 text-xs leading-relaxed text-slate-600" data-testid="review-outcomes">
          過去12か月に寄せられた口コミ{outcomes.received}件のうち、掲載{outcomes.published}
          件・非掲載{outcomes.notPublished}件・審査中{outcomes.waiting}件(
          <Link href="/review-guidelines" className="-my-3.5 inline-block py-3.5 underline">
            審査の基準
          </Link>
          )。
        </p>
        <ReviewFilterForm action={basePath} filters={filters} sort={sort} />
        <p className="mt-4 text-sm text-slate-700" aria-live="polite" data-testid="review-count">
          {filtered ? '条件に合う口コミ' : '口コミ'}:{reviews.totalDocs}件
          {search?.capped
            ? `(キーワードを含む新しい${COUNT_CAP.toLocaleString('ja-JP')}件から)`
            : ''}
        </p>
        {search ? <ReviewSearchNotes search={search} /> : null}
        {reviews.docs.length ? (
          <div>
            {reviews.docs.map((review) => (
              <ReviewItem
                key={review.id}
                review={review}
                agentPath={basePath}
                pagePath={`${basePath}${reviewQueryString(filters, sort, page)}`}
                query={search?.searched.join(' ')}
              />
            ))}
          </div>
        ) : (
          <p className="mt-4 rounded-lg bg-slate-50 p-4 text-slate-700">
            {filtered
              ? '条件に合う口コミはありません。条件を変えてお試しください。'
              : 'まだ口コミはありません。'}
          </p>
        )}
        <Pagination
          page={page}
          totalPages={reviews.totalPages}
          hrefFor={(p) => `${basePath}${reviewQueryString(filters, sort, p)}#reviews`}
          label="口コミのページ送り"
        />
        <div className="mt-8" id="write-review">
          <ReviewForm
            agentName={agent.name}
            agentPath={basePath}
            action={submitReviewAction.bind(null, agent.slug)}
            thisYear={currentMonthInJapan().year}
            pagePath={basePath}
            collapsed={
              <>
                会員登録は不要です。投稿は編集部の審査後に掲載されます(
                <Link href={`${basePath}/review`} className="underline">
                  専用ページで書く
                </Link>
                )。
              </>
            }
          />
        </div>
      </section>

      {featuredIn.length ? (
        <section aria-labelledby="featured-in" className="mt-10">
          <h2 id="featured-in" className="text-xl font-bold">
            {agent.name}を紹介している記事
          </h2>
          <ul className="mt-3 space-y-2">
            {featuredIn.map((article) => (
              <li key={article.id}>
                <Link
                  href={`/articles/${article.slug}`}
                  className="inline-block py-1 text-brand-700 underline"
                >
                  {article.title}
                </Link>
                <span className="ml-2 text-xs text-slate-600">
                  {formatDateJa(article.publishedAt)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
