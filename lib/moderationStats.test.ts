import { describe, expect, it } from 'vitest'

import {
  rejectionRate,
  suppressionWarning,
  totals,
  type OutcomesByRating,
  type RatingOutcome,
} from './moderationStats'

const o = (approved: number, rejected: number, pending = 0): RatingOutcome => ({
  approved,
  rejected,
  pending,
})
const outcomes = (
  r1: RatingOutcome,
  r2: RatingOutcome,
  r3: RatingOutcome,
  r4: RatingOutcome,
  r5: RatingOutcome,
): OutcomesByRating => ({ 1: r1, 2: r2, 3: r3, 4: r4, 5: r5 })

describe('moderation by rating', () => {
  it('computes the share not published among decided reviews', () => {
    expect(rejectionRate(o(3, 1, 5))).toBe(0.25)
    expect(rejectionRate(o(0, 0, 4))).toBeNull()
  })

  it('warns when low ratings are rejected markedly more often than high ones', () => {
    const warning = suppressionWarning(outcomes(o(2, 4), o(3, 3), o(5, 1), o(10, 1), o(10, 1)))
    expect(warning).toContain('★1〜2の口コミの非掲載率(58%)')
    expect(warning).toContain('★4〜5(9%)')
  })

  it('stays quiet when rates are alike, or too few low ratings were decided', () => {
    expect(suppressionWarning(outcomes(o(4, 1), o(4, 1), o(5, 1), o(8, 2), o(8, 2)))).toBeNull()
    expect(suppressionWarning(outcomes(o(0, 2), o(0, 2), o(5, 0), o(9, 0), o(9, 0)))).toBeNull()
  })

  it('sums what was received, published, not published and waiting', () => {
    expect(totals(outcomes(o(1, 2, 3), o(0, 0, 1), o(2, 0), o(0, 0), o(4, 1)))).toEqual({
      received: 14,
      published: 7,
      notPublished: 3,
      waiting: 4,
    })
  })
})
