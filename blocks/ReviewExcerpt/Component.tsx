import Link from 'next/link'

import { QuotedReview, ReviewSourceNote } from '@/components/QuotedReview'
import { relationId } from '@/lib/ids'
import { getPublicReview } from '@/lib/queries/agents'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import type { Agent, ReviewExcerptBlock as Fields } from '@/payload-types'

/**
 * A quoted reader review; shows nothing unless the review is approved (visitors read no
 * other). Its text and chips come from getPublicReview, which applies the privacy rule.
 */
export async function ReviewExcerptComponent({ review: ref }: Fields) {
  if (!ref || typeof ref !== 'object' || ref.status !== 'approved') return null
  const agent = typeof ref.agent === 'object' ? ref.agent : null
  const agentId = relationId<Agent>(ref.agent)
  const review = agentId === undefined ? null : await getPublicReview(ref.id, agentId)
  if (!review) return null
  const { siteName } = await getSiteSettings()
  return (
    <div className="not-prose my-6 space-y-2 rounded-lg border-l-4 border-amber-400 bg-amber-50/50 p-4">
      <QuotedReview review={review} />
      <ReviewSourceNote siteName={siteName} />
      {agent ? (
        <p className="text-sm">
          参考:
          <Link
            href={`/agents/${agent.slug}`}
            className="inline-block py-1 text-brand-700 underline"
          >
            {agent.name}の評判・口コミ
          </Link>
        </p>
      ) : null}
    </div>
  )
}
