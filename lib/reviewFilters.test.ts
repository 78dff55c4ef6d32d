import { describe, expect, it } from 'vitest'

import { isUntidyReviewQuery, parseReviewQuery, reviewQueryString } from './reviewFilters'

describe('parseReviewQuery', () => {
  it('reads known filters, sort and page from the URL', () => {
    expect(
      parseReviewQuery({
        age: '30s',
        gender: 'female',
        industry: 'it',
        exp: '5_10',
        rating: '4',
        sort: 'highest',
        page: '2',
      }),
    ).toEqual({
      filters: {
        ageBand: '30s',
        gender: 'female',
        industry: 'it',
        experienceYears: '5_10',
        rating: 4,
      },
      sort: 'highest',
      page: 2,
    })
  })

  it('ignores unknown values instead of failing', () => {
    expect(
      parseReviewQuery({ age: '10s', gender: '<script>', rating: '9', sort: 'random', x: 'y' }),
    ).toEqual({
      filters: {},
      sort: 'newest',
      page: 1,
    })
    expect(parseReviewQuery({ age: ['20s', '30s'] }).filters).toEqual({ ageBand: '20s' })
  })

  it('gives page null for malformed page numbers', () => {
    expect(parseReviewQuery({ page: '-1' }).page).toBeNull()
    expect(parseReviewQuery({ page: 'abc' }).page).toBeNull()
  })
})

describe('reviewQueryString', () => {
  it('round-trips a filtered view and leaves defaults out', () => {
    const qs = reviewQueryString({ ageBand: '20s', rating: 5 }, 'lowest', 3)
    expect(qs).toBe('?age=20s&rating=5&sort=lowest&page=3')
    const parsed = parseReviewQuery(Object.fromEntries(new URLSearchParams(qs)))
    expect(parsed).toEqual({ filters: { ageBand: '20s', rating: 5 }, sort: 'lowest', page: 3 })
    expect(reviewQueryString({}, 'newest')).toBe('')
  })

  it('carries the search words first, normalized as the site search normalizes them', () => {
    const parsed = parseReviewQuery({ q: '　面談　 ＰＭＯ ', age: '30s', page: '2' })
    expect(parsed.filters).toEqual({ q: '面談 PMO', ageBand: '30s' })
    expect(reviewQueryString(parsed.filters, parsed.sort, 2)).toBe(
      `?q=${encodeURIComponent('面談 PMO').replace('%20', '+')}&age=30s&page=2`,
    )
    expect(parseReviewQuery({ q: '   ' }).filters).toEqual({})
    expect(parseReviewQuery({ q: ['年収', '面談'] }).filters).toEqual({ q: '年収' })
  })
})

describe('parseReviewQuery with inherited names', () => {
  it('ignores constructor, __proto__ and toString as filter or sort values', () => {
    for (const value of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(
        parseReviewQuery({ sort: value, age: value, gender: value, industry: value, exp: value }),
      ).toEqual({ filters: {}, sort: 'newest', page: 1 })
    }
  })
})

describe('isUntidyReviewQuery', () => {
  it('is true for what a plain filter form sends with 「すべて」 left chosen', () => {
    expect(
      isUntidyReviewQuery({
        age: '',
        gender: '',
        industry: 'it',
        exp: '',
        rating: '',
        sort: 'newest',
      }),
    ).toBe(true)
    expect(isUntidyReviewQuery({ sort: 'newest' })).toBe(true)
    expect(isUntidyReviewQuery({ page: '1' })).toBe(true)
    expect(isUntidyReviewQuery({ rating: ['4', '5'] })).toBe(true)
    // an empty keyword box, or words the page would normalize
    expect(isUntidyReviewQuery({ q: '', industry: 'it' })).toBe(true)
    expect(isUntidyReviewQuery({ q: ' 年収　交渉' })).toBe(true)
  })

  it('is false for a tidy view and for parameters that are not the review list’s', () => {
    expect(isUntidyReviewQuery({})).toBe(false)
    expect(isUntidyReviewQuery({ industry: 'it', sort: 'helpful', page: '2' })).toBe(false)
    expect(isUntidyReviewQuery({ q: '年収 交渉' })).toBe(false)
    expect(isUntidyReviewQuery({ utm_source: '' })).toBe(false)
  })
})
