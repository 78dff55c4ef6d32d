import { describe, expect, it } from 'vitest'

import {
  foldForSearch,
  highlightParts,
  MAX_QUERY_LENGTH,
  normalizeQuery,
  parsePage,
  searchPlan,
  snippet,
} from './search'

describe('normalizeQuery', () => {
  it('folds spaces, including full-width ones, and caps the length', () => {
    expect(normalizeQuery('  年収\u3000 PMO  ')).toBe('年収 PMO')
    expect(normalizeQuery('あ'.repeat(10_000))).toHaveLength(MAX_QUERY_LENGTH)
    expect(normalizeQuery(undefined)).toBe('')
    expect(normalizeQuery(['年収', 'x'])).toBe('年収')
  })

  it('drops the characters SQL reads as wildcards, so no query matches every article', () => {
    expect(normalizeQuery('_')).toBe('')
    expect(normalizeQuery('%%')).toBe('')
    expect(normalizeQuery('年収100%_アップ')).toBe('年収100 アップ')
    expect(normalizeQuery('＿％')).toBe('')
  })

  it('makes full-width letters half-width and half-width katakana full-width', () => {
    expect(normalizeQuery('ＰＭＯ　年収')).toBe('PMO 年収')
    expect(normalizeQuery('ｴｰｼﾞｪﾝﾄ')).toBe('エージェント')
  })
})

describe('foldForSearch', () => {
  it('gives the same key for every width and case of a word', () => {
    const key = foldForSearch('ＰＭＯとして働く')
    for (const query of ['PMO', 'pmo', 'ＰＭＯ', 'ｐｍｏ']) {
      expect(key).toContain(foldForSearch(normalizeQuery(query)))
    }
    expect(foldForSearch('ﾌﾘｰﾗﾝｽ案件')).toBe(foldForSearch('フリーランス案件'))
  })
})

describe('parsePage', () => {
  it('accepts positive integers and treats junk as not found', () => {
    expect(parsePage(undefined)).toBe(1)
    expect(parsePage('3')).toBe(3)
    expect(parsePage('-1')).toBeNull()
    expect(parsePage('abc')).toBeNull()
    expect(parsePage('0')).toBeNull()
    expect(parsePage('1.5')).toBeNull()
    expect(parsePage('99999999999')).toBeNull()
  })
})

describe('snippet and highlightParts', () => {
  it('cuts around the first match and marks every match', () => {
    const text = `${'前置き'.repeat(30)}PMOの年収は経験で決まります。${'後書き'.repeat(30)}`
    const s = snippet(text, '年収', 10)
    expect(s).toContain('年収')
    expect(s.startsWith('…')).toBe(true)
    expect(highlightParts('年収と年収', '年収')).toEqual([
      { text: '年収', match: true },
      { text: 'と', match: false },
      { text: '年収', match: true },
    ])
    expect(highlightParts('a.b', '.')).toEqual([
      { text: 'a', match: false },
      { text: '.', match: true },
      { text: 'b', match: false },
    ])
  })
})

describe('searchPlan', () => {
  it('leaves out lone kana, and a lone kana at the end of a word', () => {
    expect(searchPlan('の')).toEqual({ words: [], searched: [], ignored: ['の'], titleOnly: [] })
    expect(searchPlan('あ い ア ー')).toEqual({
      words: [],
      searched: [],
      ignored: ['あ', 'い', 'ア', 'ー'],
      titleOnly: [],
    })
    expect(searchPlan('PMOの').words).toEqual([{ tokens: ['pmo'], prefix: true, titleOnly: false }])
  })

  it('looks for a word of one kanji, letter or digit in titles only, as a prefix', () => {
    expect(searchPlan('年 の 転職')).toEqual({
      words: [
        { tokens: ['年'], prefix: true, titleOnly: true },
        { tokens: ['転職'], prefix: false, titleOnly: false },
      ],
      searched: ['年', '転職'],
      ignored: ['の'],
      titleOnly: ['年'],
    })
    expect(searchPlan('a').words).toEqual([{ tokens: ['a'], prefix: true, titleOnly: true }])
    expect(searchPlan('PMO年').words).toEqual([
      { tokens: ['pmo', '年'], prefix: true, titleOnly: true },
    ])
  })

  it('matches words of kana and kanji exactly, letters as a prefix, digits exactly', () => {
    expect(searchPlan('年収 ます pm 2026').words).toEqual([
      { tokens: ['年収'], prefix: false, titleOnly: false },
      { tokens: ['ます'], prefix: false, titleOnly: false },
      { tokens: ['pm'], prefix: true, titleOnly: false },
      { tokens: ['2026'], prefix: false, titleOnly: false },
    ])
  })

  it('reads five words at most, and leaves out words with no letters', () => {
    expect(searchPlan('あ い う え お か き').ignored).toEqual(['あ', 'い', 'う', 'え', 'お'])
    expect(searchPlan('!!! 年収').searched).toEqual(['年収'])
  })
})
