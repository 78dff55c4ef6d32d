import { describe, expect, it } from 'vitest'

import { reviewChips } from './taxonomy'

describe('reviewChips', () => {
  it('joins age and gender and leaves out 回答しない answers', () => {
    expect(
      reviewChips({ ageBand: '20s', gender: 'male', industry: 'media', experienceYears: '1_3' }),
    ).toEqual(['20代男性', 'IT・メディア', '実務経験1~3年'])
    expect(
      reviewChips({
        ageBand: 'no_answer',
        gender: 'female',
        industry: 'no_answer',
        experienceYears: 'no_answer',
      }),
    ).toEqual(['女性'])
    expect(reviewChips({})).toEqual([])
  })
})
