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

const YEAR_MS = 365 * 24 * 60 * 60 * 1000

/** The start of the "last 12 months" figures. */
export const recentSince = (now: Date = new Date()) => new Date(now.getTime() - YEAR_MS)

export type SubRatingKey = keyof typeof SUB_RATINGS
export const SUB_RATING_KEYS = Object.keys(SUB_RATINGS) as SubRatingKey[]

/**
 * What an agent's figures are made of: counts and sums of its approved reviews, grouped. The
 * database counts them for the site (lib/reviewCounts.ts countFigures); countReviews does the
 * same in memory. Either way aggregateCounts turns them into the figures.
 */
export type FigureCounts = {
  /** per rating: how many, and how many of those are from the last 12 months */
  byRating: { rating: number; count: number; recent: number }[]
  /** per sub-rating, over the reviews that answered it */
  subRatings: Record<SubRatingKey, { sum: number; count: number }>
  /** per value of each segment field (unanswered included; left out by aggregateCounts) */
  segments: { field: SegmentField; value: string | null; count: number; sum: number }[]
  /** per combination of attributes (lib/reviewPrivacy.ts attributeKey) */
  attributeGroups: { key: string; count: number }[]
}

/** The counts of a list of reviews, as the database would give them. */
export function countReviews(reviews: AggregateInput[], now: Date = new Date()): FigureCounts {
  const since = recentSince(now).getTime()
  const byRating = new Map<number, { rating: number; count: number; recent: number }>()
  const subRatings = Object.fromEntries(
    SUB_RATING_KEYS.map((key) => [key, { sum: 0, count: 0 }]),
  ) as FigureCounts['subRatings']
  const segments = new Map<string, FigureCounts['segments'][number]>()
  const groups = new Map<string, number>()
  for (const review of reviews) {
    const row = byRating.get(review.rating) ?? { rating: review.rating, count: 0, recent: 0 }
    row.count += 1
    if (new Date(review.submittedAt).getTime() >= since) row.recent += 1
    byRating.set(review.rating, row)
    for (const key of SUB_RATING_KEYS) {
      const value = review.subRatings?.[key]
      if (typeof value === 'number') {
        subRatings[key].sum += value
        subRatings[key].count += 1
      }
    }
    for (const field of SEGMENT_FIELDS) {
      const value = review[field] ?? null
      const id = `${field}\u0000${value}`
      const segment = segments.get(id) ?? { field, value, count: 0, sum: 0 }
      segment.count += 1
      segment.sum += review.rating
      segments.set(id, segment)
    }
    const key = attributeKey(review)
    groups.set(key, (groups.get(key) ?? 0) + 1)
  }
  return {
    byRating: [...byRating.values()],
    subRatings,
    segments: [...segments.values()],
    attributeGroups: [...groups].map(([key, count]) => ({ key, count })),
  }
}

const averageFrom = (sum: number, count: number): Average =>
  count === 0 ? { average: 0, count: 0 } : { average: oneDecimal(sum / count), count }

/** An agent's figures from the counts of its approved reviews. */
export function aggregateCounts(counts: FigureCounts): ReviewAggregates {
  const distribution = { r1: 0, r2: 0, r3: 0, r4: 0, r5: 0 }
  let total = 0
  let sum = 0
  let recentCount = 0
  let recentSum = 0
  for (const { rating, count, recent } of counts.byRating) {
    const key = `r${rating}` as keyof typeof distribution
    if (Object.hasOwn(distribution, key)) distribution[key] += count
    total += count
    sum += rating * count
    recentCount += recent
    recentSum += rating * recent
  }
  const subRatings = Object.fromEntries(
    SUB_RATING_KEYS.map((key) => [
      key,
      averageFrom(counts.subRatings[key].sum, counts.subRatings[key].count),
    ]),
  ) as ReviewAggregates['subRatings']
  const bySegment = Object.fromEntries(
    SEGMENT_FIELDS.map((field) => [
      field,
      Object.fromEntries(
        counts.segments
          // 回答しない is no segment
          .filter((s) => s.field === field && s.value && s.value !== 'no_answer')
          .map((s) => [s.value, averageFrom(s.sum, s.count)]),
      ),
    ]),
  ) as ReviewAggregates['bySegment']
  const attributeGroups: AttributeGroups = {}
  for (const { key, count } of counts.attributeGroups) {
    attributeGroups[key] = (attributeGroups[key] ?? 0) + count
  }
  return {
    reviewCount: total,
    ratingAverage: averageFrom(sum, total).average,
    ratingDistribution: distribution,
    recent: averageFrom(recentSum, recentCount),
    subRatings,
    bySegment,
    attributeGroups,
  }
}

/** An agent's figures from its approved reviews, counted in memory. */
export function aggregateReviews(
  reviews: AggregateInput[],
  now: Date = new Date(),
): ReviewAggregates {
  return aggregateCounts(countReviews(reviews, now))
}
