import { describe, expect, it } from 'vitest'

import { attributeKey, keysShowing, publicChips } from './reviewPrivacy'

const me = { ageBand: '30s', gender: 'female', industry: 'it', experienceYears: '1_3' }

describe('publicChips', () => {
  it('shows the answers as given when at least 3 reviews share them, leaving out 回答しない', () => {
    expect(publicChips(me, { '30s|female|it|1_3': 3 })).toEqual({
      chips: ['30代女性', 'IT・通信', '実務経験1~3年'],
      coarsened: false,
      withheld: false,
    })
    const partly = { ageBand: 'no_answer', gender: 'female', industry: 'no_answer' }
    expect(publicChips(partly, { 'no_answer|female|no_answer|no_answer': 4 })).toEqual({
      chips: ['女性'],
      coarsened: false,
      withheld: false,
    })
  })

  it('hides the rarest answer first when a combination is unique', () => {
    // female is the rarest of the four answers among this agent's reviews
    const groups = { '30s|female|it|1_3': 1, '30s|male|it|1_3': 5, '20s|female|it|1_3': 4 }
    expect(publicChips(me, groups)).toEqual({
      chips: ['30代', 'IT・通信', '実務経験1~3年'],
      coarsened: false,
      withheld: true,
    })
  })

  it('widens an age band before hiding it, until 3 reviews share the chips', () => {
    const groups = { '30s|female|it|1_3': 1, '20s|female|it|1_3': 2, '40s|female|it|1_3': 5 }
    expect(publicChips(me, groups)).toEqual({
      chips: ['20〜30代女性', 'IT・通信', '実務経験1~3年'],
      coarsened: true,
      withheld: false,
    })
  })

  it('says nothing was changed for a reader who answered nothing', () => {
    const silent = { ageBand: 'no_answer', gender: 'no_answer', industry: 'no_answer' }
    expect(publicChips(silent, { '30s|female|it|1_3': 1 })).toEqual({
      chips: [],
      coarsened: false,
      withheld: false,
    })
  })

  it('shows no attribute at all while the agent has fewer than 3 reviews', () => {
    const none = { chips: [], coarsened: false, withheld: true }
    expect(publicChips(me, { '30s|female|it|1_3': 2 })).toEqual(none)
    // and none when the counts are missing (a review approved before they were stored)
    expect(publicChips(me, {})).toEqual(none)
  })

  it('treats unknown stored values as unanswered', () => {
    expect(attributeKey({ ageBand: 'constructor', gender: '__proto__' })).toBe(
      'no_answer|no_answer|no_answer|no_answer',
    )
  })
})

describe('keysShowing', () => {
  it('lists under a filter only the reviews whose chips show that answer', () => {
    const groups = {
      '30s|male|it|1_3': 4,
      '50s_plus|female|finance|10_plus': 1, // shows no chip: no filter may reveal its answers
      '40s|male|it|1_3': 3,
    }
    expect(publicChips({ ageBand: '50s_plus', gender: 'female' }, groups).chips).toEqual([])
    expect(keysShowing({ ageBand: '50s_plus' }, groups)).toEqual([])
    expect(keysShowing({ industry: 'finance' }, groups)).toEqual([])
    expect(keysShowing({ ageBand: '30s' }, groups)).toEqual(['30s|male|it|1_3'])
    expect(keysShowing({ industry: 'it' }, groups).sort()).toEqual([
      '30s|male|it|1_3',
      '40s|male|it|1_3',
    ])
    expect(keysShowing({ gender: 'female' }, groups)).toEqual([])
  })
})
