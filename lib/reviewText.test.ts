import { describe, expect, it } from 'vitest'

import { reviewFingerprint } from './reviewFingerprint'
import {
  bannedWordsIn,
  cleanReviewLine,
  cleanReviewText,
  contactProblem,
  textSimilarity,
} from './reviewText'

describe('review text', () => {
  it('folds width, drops invisible and control characters and trims', () => {
    expect(cleanReviewText('  ＰＭＯ案件\u200bが\u202e多い\u0007 ')).toBe('PMO案件が多い')
    expect(cleanReviewText('一行目\r\n\r\n\r\n\r\n二行目')).toBe('一行目\n\n二行目')
    expect(cleanReviewLine('タイトル\nです')).toBe('タイトル です')
    // emoji and combining marks are kept as the reader wrote them
    expect(cleanReviewText('良かった😊 か\u3099')).toBe('良かった😊 が')
  })

  it('gives a copy with other spacing, width or punctuation the same fingerprint', () => {
    const body = '担当の方が親切で、面接対策も丁寧でした。'
    expect(reviewFingerprint('担当の方が親切で 面接対策も丁寧でした!!')).toBe(
      reviewFingerprint(body),
    )
    expect(reviewFingerprint('担当の方が親切で、面接対策も雑でした。')).not.toBe(
      reviewFingerprint(body),
    )
  })

  it('refuses contact details and says why', () => {
    expect(contactProblem('詳しくは https://example.com へ')).toContain('URL')
    expect(contactProblem('詳しくは example.co.jp へ')).toContain('URL')
    expect(contactProblem('連絡は ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ まで')).toContain('メールアドレス')
    expect(contactProblem('電話は090-1234-5678です')).toContain('電話番号')
    expect(contactProblem('電話は０９０１２３４５６７８です')).toContain('電話番号')
    expect(contactProblem('年収は2024年に600万円から720万円に上がりました')).toBeNull()
  })

  it('finds banned words however they are written', () => {
    expect(bannedWordsIn('この会社はサギです', 'サギ\n\n 最悪 ')).toEqual(['サギ'])
    expect(bannedWordsIn('ｻｷﾞ', 'サギ')).toEqual(['サギ'])
    expect(bannedWordsIn('問題なし', '')).toEqual([])
  })

  it('scores near copies close to 1 and different texts near 0', () => {
    const a = '担当者の対応がとても早く、求人の紹介も的確でした。'
    expect(textSimilarity(a, a)).toBe(1)
    expect(textSimilarity(a, `${a}ありがとうございました。`)).toBeGreaterThan(0.6)
    expect(textSimilarity(a, '案件の単価が思ったより低かった。')).toBeLessThan(0.1)
  })
})
