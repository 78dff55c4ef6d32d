import { formatDateJa } from '@/lib/i18n'
import type { PublicReview } from '@/lib/queries/agents'
import { USAGE } from '@/lib/taxonomy'

import { RatingStars } from './RatingStars'
import { ReviewChips } from './ReviewChips'

/** One approved reader review with its rating, attributes and date. */
export function ReviewItem({ review }: { review: PublicReview }) {
  return (
    <article className="border-b border-slate-200 py-5" data-testid="review">
      <p className="flex flex-wrap items-center gap-2">
        <RatingStars value={review.rating} size="sm" />
        <span className="text-sm font-bold">{review.rating}.0</span>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
          {USAGE[review.usage]}
        </span>
      </p>
      <h3 className="mt-2 font-bold">{review.title}</h3>
      <div className="mt-2">
        <ReviewChips {...review} />
      </div>
      <p className="mt-2 leading-relaxed whitespace-pre-line">{review.body}</p>
      <p className="mt-2 text-xs text-slate-600">
        投稿日:<time dateTime={review.submittedAt}>{formatDateJa(review.submittedAt)}</time>
      </p>
    </article>
  )
}
