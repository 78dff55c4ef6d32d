import { attributeKey, type AttributeGroups } from './reviewPrivacy'
import { SUB_RATINGS } from './taxonomy'

// An agent's figures, computed from scratch from its approved reviews on every moderation
// change (never incremented, so they cannot drift): the average and distribution, the
// sub-rating averages, the last 12 months beside all time, and averages by reader attribute.

export type AggregateInput = {
  rating: number
  submittedAt: string
  subRatings?: Partial<Record<keyof typeof SUB_RATINGS, number | null>> | null
  ageBand?: string | null
  gender?: string | null
  industry?: string | null
  experienceYears?: string | null
}

export type Average = { average: number; count: number }
export const SEGMENT_FIELDS = ['ageBand', 'industry', 'experienceYears'] as const
export type SegmentField = (typeof SEGMENT_FIELDS)[number]

export type ReviewAggregates = {
  reviewCount: number
  ratingAverage: number
  ratingDistribution: { r1: number; r2: number; r3: number; r4: number; r5: number }
  recent: Average
  subRatings: Record<keyof typeof SUB_RATINGS, Average>
  bySegment: Record<SegmentField, Record<string, Average>>
  /** how many reviews share each combination of attributes (lib/reviewPrivacy.ts) */
  attributeGroups: AttributeGroups
}

/** Averages are shown with one decimal. */
const oneDecimal = (n: number) => Math.round(n * 10) / 10

function averageOf(values: number[]): Average {
  if (values.length === 0) return { average: 0, count: 0 }
  return {
    average: oneDecimal(values.reduce((a, b) => a + b, 0) / values.length),
    count: values.length,
  }
}

const YEAR_MS = 365 * 24 * 60 * 60 * 1000

export function aggregateReviews(
  reviews: AggregateInput[],
  now: Date = new Date(),
): ReviewAggregates {
  const ratings = reviews.map((r) => r.rating)
  const distribution = { r1: 0, r2: 0, r3: 0, r4: 0, r5: 0 }
  for (const rating of ratings) {
    const key = `r${rating}` as keyof typeof distribution
    if (Object.hasOwn(distribution, key)) distribution[key] += 1
  }
  const since = now.getTime() - YEAR_MS
  const subRatings = Object.fromEntries(
    (Object.keys(SUB_RATINGS) as (keyof typeof SUB_RATINGS)[]).map((key) => [
      key,
      averageOf(
        reviews.flatMap((r) => {
          const value = r.subRatings?.[key]
          return typeof value === 'number' ? [value] : []
        }),
      ),
    ]),
  ) as ReviewAggregates['subRatings']
  const bySegment = Object.fromEntries(
    SEGMENT_FIELDS.map((field) => {
      const groups = new Map<string, number[]>()
      for (const review of reviews) {
        const value = review[field]
        // 回答しない is no segment
        if (!value || value === 'no_answer') continue
        const values = groups.get(value)
        if (values) values.push(review.rating)
        else groups.set(value, [review.rating])
      }
      return [
        field,
        Object.fromEntries([...groups].map(([key, values]) => [key, averageOf(values)])),
      ]
    }),
  ) as ReviewAggregates['bySegment']
  const attributeGroups: AttributeGroups = {}
  for (const review of reviews) {
    const key = attributeKey(review)
    attributeGroups[key] = (attributeGroups[key] ?? 0) + 1
  }
  return {
    reviewCount: reviews.length,
    ratingAverage: averageOf(ratings).average,
    ratingDistribution: distribution,
    recent: averageOf(
      reviews.filter((r) => new Date(r.submittedAt).getTime() >= since).map((r) => r.rating),
    ),
    subRatings,
    bySegment,
    attributeGroups,
  }
}
