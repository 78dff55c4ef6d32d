import { describe, expect, it } from 'vitest'

import { reviewFingerprint } from './reviewFingerprint'
import {
  bannedWordsIn,
  cleanReviewLine,
  cleanReviewText,
  contactProblem,
  graphemeLength,
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

  it('keeps the joiner inside emoji sequences and drops it everywhere else', () => {
    for (const emoji of ['👨‍👩‍👧', '🏳️‍🌈', '🧑🏻‍💻', '❤️‍🔥', '🧑🏻‍🤝‍🧑🏼'])
      expect(cleanReviewLine(`家族で相談${emoji}`)).toBe(`家族で相談${emoji}`)
    expect(cleanReviewText('漢\u200d字とa\u200db')).toBe('漢字とab')
    expect(cleanReviewText('良い😊\u200d。\u200d😊')).toBe('良い😊。😊')
    // a joiner added between emoji (which are dropped for the comparison) makes no new review
    expect(reviewFingerprint('面談が丁寧でした😊\u200d😊')).toBe(
      reviewFingerprint('面談が丁寧でした😊😊'),
    )
  })

  it('counts the characters a reader sees', () => {
    expect(graphemeLength('👨‍👩‍👧')).toBe(1)
    expect(graphemeLength('か\u3099')).toBe(1)
    expect(graphemeLength('か\u309a')).toBe(1)
    expect(graphemeLength('🇯🇵👍🏻😊')).toBe(3)
    expect(graphemeLength('面談')).toBe(2)
    expect(graphemeLength(cleanReviewLine('家族👨‍👩‍👧'))).toBe(3)
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

  // every way a reader writes a number, an address or a site, each inside an ordinary sentence
  const PHONES = [
    '090-1234-5678',
    '09012345678',
    '090 1234 5678',
    '090.1234.5678',
    '090−1234−5678', // minus sign
    '090‐1234‐5678', // Unicode hyphen
    '090‑1234‑5678', // non-breaking hyphen
    '090–1234–5678', // en dash
    '090—1234—5678', // em dash
    '090―1234―5678', // horizontal bar
    '090ー1234ー5678', // the IME's long-vowel mark
    '090ｰ1234ｰ5678', // half-width long-vowel mark
    '090－1234－5678', // full-width hyphen-minus
    '０９０ー１２３４ー５６７８',
    '０９０－１２３４－５６７８',
    '０９０１２３４５６７８',
    '０９０　１２３４　５６７８', // ideographic spaces
    '(03)1234-5678',
    '（０３）１２３４－５６７８',
    '03(1234)5678',
    '03-1234-5678',
    '0312345678',
    '06 - 1234 - 5678',
    '0120-123-456',
    '０１２０ー１２３ー４５６',
    '050-1234-5678',
    '+81-90-1234-5678',
    '+81 90 1234 5678',
    '+819012345678',
    '＋８１－９０－１２３４－５６７８',
    '080-12-345-678',
  ]
  const EMAILS = [
    'taro@example.jp',
    'taro.yamada+job@example.co.jp',
    'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ',
    'taro ＠ example.com',
    'taro アット example.com',
    'taroアットマークexample.com',
    'taro[at]example.com',
    'taro(at)example(dot)com',
    'taro あっと example ドット jp',
  ]
  const SITES = [
    'https://example.com/job',
    'http://example.net',
    'www.example.org',
    'example.co.jp',
    'ｅｘａｍｐｌｅ．ｃｏｍ',
    'example ドット com',
  ]
  const ORDINARY = [
    '年収600万円から720万円に上がりました',
    '2024年1月に登録しました',
    '3〜5社を同時に受けました',
    '面談は2023.10.01でした',
    '求人は1,200件ほど紹介されました',
    '30代で転職し、年収は+80万円',
    '職場はアットホームな雰囲気でした',
    'ドット柄のスーツで面接に行きました',
    '0から3か月で内定、面接は10回',
    '第2志望の会社に2024/03/15入社',
    'ランキング1位から10位まで見ました',
  ]

  it.each(PHONES)('refuses the phone number %s', (number) => {
    expect(contactProblem(`担当者の番号は${number}です。`)).toContain('電話番号')
  })
  it.each(EMAILS)('refuses the e-mail address %s', (address) => {
    expect(contactProblem(`連絡先は ${address} まで。`)).toContain('メールアドレス')
  })
  it.each(SITES)('refuses the site %s', (site) => {
    expect(contactProblem(`詳しくは ${site} を見てください。`)).toContain('URL')
  })
  it.each(ORDINARY)('accepts ordinary text with numbers: %s', (text) => {
    expect(contactProblem(text)).toBeNull()
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
