import { describe, expect, it } from 'vitest'

import { compareQuery, parseCompare } from './agentCompare'

describe('the agents a reader compares', () => {
  it('are one set whatever the order, the repeats or the form that sent them', () => {
    for (const values of [['b', 'a'], ['a,b'], ['b,a', 'a'], [' a ', 'b,', 'b']]) {
      expect(parseCompare(values), JSON.stringify(values)).toEqual({ ok: true, slugs: ['a', 'b'] })
    }
    expect(compareQuery(['a', 'b', 'c'])).toBe('?agents=a,b,c')
  })

  it('are two or three; fewer or more asks the reader to choose again', () => {
    expect(parseCompare([])).toMatchObject({ ok: false, problem: 'none' })
    expect(parseCompare(['a'])).toMatchObject({ ok: false, problem: 'too-few', slugs: ['a'] })
    expect(parseCompare(['a,b,c,d'])).toMatchObject({ ok: false, problem: 'too-many' })
    expect(parseCompare(['a,b,c'])).toMatchObject({ ok: true, slugs: ['a', 'b', 'c'] })
  })

  it('are refused when a slug is none an agent could have, or there are absurdly many', () => {
    for (const values of [
      ['A', 'b'],
      ['a', '../b'],
      ['a', 'b%2Fc'],
      [
        Array(30)
          .fill('x')
          .map((x, i) => `${x}${i}`)
          .join(','),
      ],
    ]) {
      expect(parseCompare(values), JSON.stringify(values)).toMatchObject({
        ok: false,
        problem: 'invalid',
      })
    }
  })
})
