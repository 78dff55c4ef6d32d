import Link from 'next/link'

import { AffiliateCta } from '@/components/AffiliateCta'
import { MediaImage } from '@/components/MediaImage'
import { QuotedReview, ReviewSourceNote } from '@/components/QuotedReview'
import { RatingStars } from '@/components/RatingStars'
import { getApprovedReviews } from '@/lib/queries/agents'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { AGENT_KINDS } from '@/lib/taxonomy'
import type { AgentCardBlock as AgentCardFields } from '@/payload-types'

import { linkSlugOf } from '../linkSlug'

type Props = AgentCardFields & {
  placement: string
  /** reviews the page quotes in review-quote blocks, which the card does not repeat */
  quotedReviews?: string[]
}

const CARD_REVIEWS = 2

/** An agent with its rating, two reader reviews (not quoted elsewhere on the page), the PR-marked CTA and a link to its reviews. */
export async function AgentCardComponent({
  agent,
  link,
  heading,
  placement,
  quotedReviews = [],
}: Props) {
  if (!agent || typeof agent !== 'object') return null
  const linkSlug = linkSlugOf(link) ?? linkSlugOf(agent.primaryLink)
  // the newest two, leaving out any the page quotes elsewhere: one quote per review and page
  const [{ docs: newest }, { siteName }] = await Promise.all([
    getApprovedReviews(agent.id, 1, 'newest', CARD_REVIEWS + quotedReviews.length),
    getSiteSettings(),
  ])
  const reviews = newest
    .filter((review) => !quotedReviews.includes(String(review.id)))
    .slice(0, CARD_REVIEWS)
  const strengths = (agent.strengths ?? []).slice(0, 3)

  return (
    <section
      className="not-prose my-8 rounded-xl border border-slate-300 bg-white p-4 shadow-sm sm:p-6"
      aria-labelledby={`agent-${agent.id}-${placement}`}
    >
      {heading ? <p className="mb-2 text-sm font-bold text-brand-700">{heading}</p> : null}
      <div className="flex items-start gap-4">
        <MediaImage
          media={agent.logo}
          sizes="72px"
          className="h-16 w-16 shrink-0 rounded-lg object-cover sm:h-18 sm:w-18"
        />
        <div className="min-w-0">
          <p className="text-xs font-medium text-slate-600">{AGENT_KINDS[agent.kind]}</p>
          <h3 id={`agent-${agent.id}-${placement}`} className="text-lg leading-snug font-bold">
            {agent.name}
          </h3>
          <p className="mt-1 text-sm text-slate-700">{agent.catchCopy}</p>
        </div>
      </div>

      <p className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        <RatingStars value={agent.ratingAverage ?? 0} />
        <span className="font-bold">{(agent.ratingAverage ?? 0).toFixed(1)}</span>
        <span className="text-slate-600">(口コミ{agent.reviewCount ?? 0}件)</span>
      </p>

      {strengths.length ? (
        <ul className="mt-3 space-y-1.5 text-sm">
          {strengths.map((s) => (
            <li key={s.id ?? s.text} className="flex gap-2">
              <span aria-hidden="true" className="font-bold text-emerald-700">
                ✓
              </span>
              {s.text}
            </li>
          ))}
        </ul>
      ) : null}

      {reviews.length ? (
        <div className="mt-4 space-y-3">
          <ReviewSourceNote siteName={siteName} />
          {reviews.map((review) => (
            <div key={review.id} className="rounded-lg bg-slate-50 p-3">
              <QuotedReview review={review} maxLength={70} />
            </div>
          ))}
        </div>
      ) : null}

      <div className="mt-4 flex flex-col items-stretch gap-3 sm:flex-row sm:items-center">
        {linkSlug ? (
          <AffiliateCta
            linkSlug={linkSlug}
            placement={placement}
            slot="card"
            agentName={agent.name}
          />
        ) : null}
        <p className="text-sm">
          参考:
          <Link
            href={`/agents/${agent.slug}`}
            className="inline-block py-1 text-brand-700 underline"
          >
            {agent.name}の評判・口コミを見る
          </Link>
        </p>
      </div>
    </section>
  )
}
