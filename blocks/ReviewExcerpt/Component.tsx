import Link from 'next/link'

import { RatingStars } from '@/components/RatingStars'
import { ReviewChips } from '@/components/ReviewChips'
import type { ReviewExcerptBlock as Fields } from '@/payload-types'

/** A quoted reader review; shows nothing unless the review is approved (visitors read no other). */
export function ReviewExcerptComponent({ review }: Fields) {
  if (!review || typeof review !== 'object' || review.status !== 'approved') return null
  const agent = typeof review.agent === 'object' ? review.agent : null
  return (
    <figure className="not-prose my-6 rounded-lg border-l-4 border-amber-400 bg-amber-50/50 p-4">
      <p className="flex items-center gap-2 text-sm">
        <RatingStars value={review.rating} size="sm" />
        <span className="font-bold">{review.title}</span>
      </p>
      <blockquote className="mt-2 leading-relaxed">{review.body}</blockquote>
      <figcaption className="mt-2 space-y-1 text-sm text-slate-700">
        <ReviewChips {...review} />
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
