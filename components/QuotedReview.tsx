import Link from 'next/link'

import { RatingStars } from '@/components/RatingStars'
import { ReviewChips } from '@/components/ReviewChips'
import type { PublicReview } from '@/lib/queries/agents'

const shorten = (text: string, max?: number) =>
  max !== undefined && text.length > max ? `${text.slice(0, max)}…` : text

/**
 * A reader review as articles quote it, the same everywhere (agent cards, review quotes):
 * its rating and title, the text (shortened in cards), the reviewer's chips.
 */
export function QuotedReview({ review, maxLength }: { review: PublicReview; maxLength?: number }) {
  return (
    <figure className="text-sm" data-testid="quoted-review">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <RatingStars value={review.rating} size="sm" />
        <span className="font-bold">{review.rating.toFixed(1)}</span>
        <span className="font-bold">{review.title}</span>
      </p>
      <blockquote className="mt-1.5 leading-relaxed">{shorten(review.body, maxLength)}</blockquote>
      <figcaption className="mt-1.5">
        <ReviewChips chips={review.chips} coarsened={review.coarsened} withheld={review.withheld} />
      </figcaption>
    </figure>
  )
}

/** Where quoted reviews come from, beside every quote (as review sites say it). */
export function ReviewSourceNote({ siteName }: { siteName: string }) {
  return (
    <p className="text-xs text-slate-600" data-testid="review-source">
      ※ 口コミは{siteName}が読者から収集し、
      <Link
        href="/review-guidelines"
        className="-my-3.5 inline-block py-3.5 text-brand-700 underline"
      >
        掲載基準
      </Link>
      に沿って確認したものです。
    </p>
  )
}
