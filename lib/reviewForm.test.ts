import { describe, expect, it } from 'vitest'

import { Reviews } from '@/collections/Reviews'

import {
  BODY_MAX,
  PEN_NAME_MAX,
  TITLE_MAX,
  readReviewForm,
  validateReviewForm,
  type ReviewFormInput,
} from './reviewForm'

const NOW = new Date('2026-11-25T03:00:00Z') // 2026-11-25 12:00 in Japan

const valid: ReviewFormInput = {
  rating: '4',
  sub_offers: '5',
  sub_consultant: '',
  title: '面接対策が具体的でした',
  body: '担当の方が企業ごとの過去の質問を教えてくれたので、準備の方向性がはっきりしました。'.repeat(
    3,
  ),
  ageBand: '30s',
  gender: 'no_answer',
  industry: 'it',
  experienceYears: '5_10',
  usedYear: '2026',
  usedMonth: '11',
  usage: 'interviewed',
  rewarded: 'no',
  agree: 'on',
}

const formOf = (fields: [string, unknown][]) => ({
  getAll: (name: string) => fields.filter(([key]) => key === name).map(([, value]) => value),
})

describe('the review form', () => {
  it('accepts a complete submission and cleans its text', () => {
    const result = validateReviewForm(
      { ...valid, title: ' 面接対策が具体的でした\u200b ' },
      [],
      NOW,
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.values.title).toBe('面接対策が具体的でした')
    expect(result.values.subRatings).toEqual({
      offers: 5,
      consultant: null,
      proposal: null,
      support: null,
    })
    expect(result.values.rewarded).toBe(false)
  })

  it('says what is wrong beside each field', () => {
    const result = validateReviewForm({}, [], NOW)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(
      [
        'rating',
        'title',
        'body',
        'ageBand',
        'gender',
        'industry',
        'experienceYears',
        'usedYear',
        'usage',
        'rewarded',
        'agree',
      ].sort(),
    )
    expect(result.errors.body).toBe('本文は100〜2,000文字で入力してください(いま0文字)。')
  })

  it.each([
    ['rating', '0'],
    ['rating', '4.5'],
    ['rating', '-1'],
    ['rating', '1e9'],
    ['sub_support', '6'],
    ['usage', 'constructor'],
    ['industry', '__proto__'],
    ['rewarded', 'maybe'],
    ['usedYear', '1999'],
    ['usedMonth', '13'],
  ])('refuses %s=%s', (field, value) => {
    const result = validateReviewForm({ ...valid, [field]: value }, [], NOW)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const key = field === 'usedMonth' ? 'usedYear' : field
    expect(result.errors[key as keyof typeof result.errors]).toMatch(/./)
  })

  it('refuses a month that has not come yet, in Japan’s calendar', () => {
    const result = validateReviewForm({ ...valid, usedYear: '2026', usedMonth: '12' }, [], NOW)
    expect(!result.ok && result.errors.usedYear).toBe('利用時期に未来の月は選べません。')
    // 2026-11-30 20:00 UTC is already December in Japan
    const december = new Date('2026-11-30T20:00:00Z')
    expect(validateReviewForm({ ...valid, usedMonth: '12' }, [], december).ok).toBe(true)
  })

  it('measures length after cleaning, so invisible padding does not count', () => {
    const padded = `${'とても良い対応でした。'.repeat(5)}${'\u200b'.repeat(100)}`
    const result = validateReviewForm({ ...valid, body: padded }, [], NOW)
    expect(!result.ok && result.errors.body).toContain('いま55文字')
  })

  it('counts the characters a reader sees, so an emoji or a family emoji is one', () => {
    const emoji = (n: number) => '😊'.repeat(n)
    expect(validateReviewForm({ ...valid, title: emoji(31) }, [], NOW).ok).toBe(true)
    const long = validateReviewForm({ ...valid, title: emoji(TITLE_MAX + 1) }, [], NOW)
    expect(!long.ok && long.errors.title).toContain(`いま${TITLE_MAX + 1}文字`)
    // a kana with a combining mark NFKC cannot compose (か゚) is one character too
    expect(validateReviewForm({ ...valid, title: 'か\u309a'.repeat(TITLE_MAX) }, [], NOW).ok).toBe(
      true,
    )
    const family = '👨‍👩‍👧'
    const full = validateReviewForm(
      { ...valid, title: family.repeat(5), body: family.repeat(BODY_MAX) },
      [],
      NOW,
    )
    expect(full.ok).toBe(true)
    if (full.ok) expect(full.values.body).toBe(family.repeat(BODY_MAX))
    const over = validateReviewForm({ ...valid, body: family.repeat(BODY_MAX + 1) }, [], NOW)
    expect(!over.ok && over.errors.body).toContain('いま2,001文字')
    // the form's own cut keeps such a body whole
    const read = readReviewForm(formOf([['body', family.repeat(BODY_MAX)]]))
    expect(read.input.body).toBe(family.repeat(BODY_MAX))
  })

  it('stores what it accepts: the collection counts length the same way', () => {
    const validate = (name: string, value: string) => {
      const field = Reviews.fields.find((f) => 'name' in f && f.name === name)
      return (field as { validate: (value: string) => true | string }).validate(value)
    }
    const family = '👨‍👩‍👧'
    expect(validate('title', '😊'.repeat(TITLE_MAX))).toBe(true)
    expect(validate('body', family.repeat(BODY_MAX))).toBe(true)
    expect(validate('title', '😊'.repeat(TITLE_MAX + 1))).toContain(`いま${TITLE_MAX + 1}文字`)
  })

  it('refuses contact details in the title and body', () => {
    const result = validateReviewForm(
      { ...valid, title: '詳しくは www.example.com で', body: `${valid.body}連絡先 a@b.jp` },
      [],
      NOW,
    )
    expect(!result.ok && result.errors.title).toContain('URL')
    expect(!result.ok && result.errors.body).toContain('メールアドレス')
  })

  it('takes an optional pen name, cleaned, and refuses one that names staff or gives contacts', () => {
    const named = validateReviewForm({ ...valid, penName: ' ぽんた\u200b ' }, [], NOW)
    expect(named.ok && named.values.penName).toBe('ぽんた')
    const none = validateReviewForm({ ...valid, penName: '   ' }, [], NOW)
    expect(none.ok && none.values.penName).toBeNull()
    const errorOf = (penName: string) => {
      const result = validateReviewForm({ ...valid, penName }, [], NOW)
      return result.ok ? null : result.errors.penName
    }
    expect(errorOf('あ'.repeat(PEN_NAME_MAX))).toBeNull()
    expect(errorOf('あ'.repeat(PEN_NAME_MAX + 1))).toBe(
      `ペンネームは${PEN_NAME_MAX}文字以内で入力してください(いま${PEN_NAME_MAX + 1}文字)。`,
    )
    // what a reader sees: 20 family emoji are 20 characters
    expect(errorOf('👨‍👩‍👧'.repeat(PEN_NAME_MAX))).toBeNull()
    for (const staff of ['ミチビキ公式', '運営スタッフ', '編集部より', 'Official']) {
      expect(errorOf(staff), staff).toBe('運営者・公式・編集部と紛らわしいペンネームは使えません。')
    }
    expect(errorOf('090-1234-5678')).toMatch(/電話番号/)
    expect(errorOf('me@example.com')).toMatch(/メールアドレス/)
  })

  it('treats a field sent twice as an error and notices the honeypot', () => {
    const form = formOf([
      ...Object.entries(valid),
      ['rating', '5'],
      ['website', 'http://spam.example'],
    ])
    const { input, malformed, honeypot } = readReviewForm(form)
    expect(malformed).toEqual(['rating'])
    expect(input.rating).toBeUndefined()
    expect(honeypot).toBe(true)
    const result = validateReviewForm(input, malformed, NOW)
    expect(!result.ok && result.errors.rating).toMatch(/./)
    expect(readReviewForm(formOf(Object.entries(valid))).honeypot).toBe(false)
  })
})
