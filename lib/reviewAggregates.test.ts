import { describe, expect, it } from 'vitest'

import { aggregateReviews, type AggregateInput } from './reviewAggregates'

const NOW = new Date('2026-11-25T00:00:00Z')
const r = (
  rating: number,
  daysAgo: number,
  extra: Partial<AggregateInput> = {},
): AggregateInput => ({
  rating,
  submittedAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
  ...extra,
})

describe('an agent’s figures', () => {
  it('average, distribution and the last 12 months beside all time', () => {
    const result = aggregateReviews([r(5, 10), r(4, 100), r(2, 400), r(1, 800)], NOW)
    expect(result.reviewCount).toBe(4)
    expect(result.ratingAverage).toBe(3)
    expect(result.ratingDistribution).toEqual({ r1: 1, r2: 1, r3: 0, r4: 1, r5: 1 })
    expect(result.recent).toEqual({ average: 4.5, count: 2 })
  })

  it('averages each sub-rating over the reviews that answered it', () => {
    const result = aggregateReviews(
      [
        r(4, 1, { subRatings: { offers: 5, consultant: null } }),
        r(3, 1, { subRatings: { offers: 2, consultant: 4 } }),
        r(3, 1),
      ],
      NOW,
    )
    expect(result.subRatings.offers).toEqual({ average: 3.5, count: 2 })
    expect(result.subRatings.consultant).toEqual({ average: 4, count: 1 })
    expect(result.subRatings.support).toEqual({ average: 0, count: 0 })
  })

  it('averages by age band, industry and experience, leaving out 回答しない', () => {
    const result = aggregateReviews(
      [
        r(5, 1, { ageBand: '30s', industry: 'it', experienceYears: 'no_answer' }),
        r(2, 1, { ageBand: '30s', industry: 'finance' }),
        r(4, 1, { ageBand: 'no_answer', industry: 'it' }),
      ],
      NOW,
    )
    expect(result.bySegment.ageBand).toEqual({ '30s': { average: 3.5, count: 2 } })
    expect(result.bySegment.industry).toEqual({
      it: { average: 4.5, count: 2 },
      finance: { average: 2, count: 1 },
    })
    expect(result.bySegment.experienceYears).toEqual({})
  })

  it('is zero with no reviews', () => {
    expect(aggregateReviews([], NOW)).toMatchObject({ reviewCount: 0, ratingAverage: 0 })
  })
})
