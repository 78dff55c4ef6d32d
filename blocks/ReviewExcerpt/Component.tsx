import Link from 'next/link'

import { RatingStars } from '@/components/RatingStars'
import { ReviewChips } from '@/components/ReviewChips'
import { relationId } from '@/lib/ids'
import { getQuotedReview } from '@/lib/queries/agents'
import type { Agent, ReviewExcerptBlock as Fields } from '@/payload-types'

/**
 * A quoted reader review; shows nothing unless the review is approved (visitors read no
 * other). Its text and chips come from getQuotedReview, which applies the privacy rule.
 */
export async function ReviewExcerptComponent({ review: ref }: Fields) {
  if (!ref || typeof ref !== 'object' || ref.status !== 'approved') return null
  const agent = typeof ref.agent === 'object' ? ref.agent : null
  const agentId = relationId<Agent>(ref.agent)
  const review = agentId === undefined ? null : await getQuotedReview(ref.id, agentId)
  if (!review) return null
  return (
    <figure className="not-prose my-6 rounded-lg border-l-4 border-amber-400 bg-amber-50/50 p-4">
      <p className="flex items-center gap-2 text-sm">
        <RatingStars value={review.rating} size="sm" />
        <span className="font-bold">{review.title}</span>
      </p>
      <blockquote className="mt-2 leading-relaxed">{review.body}</blockquote>
      <figcaption className="mt-2 space-y-1 text-sm text-slate-700">
        <ReviewChips chips={review.chips} coarsened={review.coarsened} />
        {agent ? (
          <p>
            参考:
            <Link href={`/agents/${agent.slug}`} className="text-brand-700 underline">
              {agent.name}の評判・口コミ
            </Link>
          </p>
        ) : null}
      </figcaption>
    </figure>
  )
}
