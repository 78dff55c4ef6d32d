import { isOwnKey } from './own'
import { cleanReviewLine, cleanReviewText, contactProblem, graphemeLength } from './reviewText'
import { AGE_BANDS, EXPERIENCE_YEARS, GENDERS, INDUSTRIES, SUB_RATINGS, USAGE } from './taxonomy'

// The readers' review form: its fields, their bounds and the checks run on a submission, as
// pure functions (the server action in app/(site)/agents/[slug]/review/ and the tests use
// them). Messages are for the reader, beside the field they concern. Lengths are in the
// characters a reader sees (graphemeLength), not UTF-16 units.

export const TITLE_MIN = 5
export const TITLE_MAX = 60
export const BODY_MIN = 100
export const BODY_MAX = 2000
export const PEN_NAME_MAX = 20
/** what the review shows, and its structured data names, when the reader gave no pen name */
export const ANONYMOUS_REVIEWER = '匿名の利用者'
export const FIRST_USE_YEAR = 2000
/** 「投稿した口コミ」: the reviews this browser posted, their state, and their withdrawal */
export const OWN_REVIEWS_PATH = '/my-reviews'

/** The honeypot: a field people never see or fill; bots that fill every field do. */
export const HONEYPOT_FIELD = 'website'

export type SubRatingKey = keyof typeof SUB_RATINGS
export const SUB_RATING_KEYS = Object.keys(SUB_RATINGS) as SubRatingKey[]
export const subRatingField = (key: SubRatingKey) => `sub_${key}`

/** Every field the form posts, as the names the inputs carry. */
export const REVIEW_FORM_FIELDS = [
  'rating',
  ...SUB_RATING_KEYS.map(subRatingField),
  'title',
  'body',
  'penName',
  'ageBand',
  'gender',
  'industry',
  'experienceYears',
  'usedYear',
  'usedMonth',
  'usage',
  'rewarded',
  'agree',
] as const
export type ReviewFormField = (typeof REVIEW_FORM_FIELDS)[number]

/** What the reader typed, as text, so that a form with errors is shown again as it was. */
export type ReviewFormInput = Partial<Record<ReviewFormField, string>>
export type ReviewFormErrors = Partial<Record<ReviewFormField | 'form', string>>

export type ReviewValues = {
  rating: number
  subRatings: Record<SubRatingKey, number | null>
  title: string
  body: string
  /** null when the reader left it empty */
  penName: string | null
  ageBand: keyof typeof AGE_BANDS
  gender: keyof typeof GENDERS
  industry: keyof typeof INDUSTRIES
  experienceYears: keyof typeof EXPERIENCE_YEARS
  usedYear: number
  usedMonth: number
  usage: keyof typeof USAGE
  rewarded: boolean
}

// a reader's pen name may not pass for the site, the agency or their staff
const STAFF_NAMES =
  /運営|公式|編集部|管理人|管理者|スタッフ|担当|広報|中の人|official|\badmin\b|moderator/i

type FormLike = { getAll(name: string): unknown[] }

/**
 * Reads the posted fields as single strings. A field sent twice or as a file is kept as an
 * error rather than guessed at.
 */
export function readReviewForm(form: FormLike): {
  input: ReviewFormInput
  malformed: ReviewFormField[]
  honeypot: boolean
} {
  const input: ReviewFormInput = {}
  const malformed: ReviewFormField[] = []
  for (const name of REVIEW_FORM_FIELDS) {
    const values = form.getAll(name)
    if (values.length === 0) continue
    if (values.length > 1 || typeof values[0] !== 'string') {
      malformed.push(name)
      continue
    }
    // nothing longer than the longest field is kept, even to show it again: sixteen UTF-16 units
    // a character, the longest emoji a reader can type (👨🏻‍❤️‍💋‍👨🏼 is fifteen), so a body
    // within BODY_MAX is never cut
    input[name] = values[0].slice(0, BODY_MAX * 16)
  }
  const trap = form.getAll(HONEYPOT_FIELD)
  return { input, malformed, honeypot: trap.some((v) => typeof v !== 'string' || v !== '') }
}

const pick = <K extends string>(map: Readonly<Record<K, string>>, value: string | undefined) =>
  isOwnKey(map, value) ? value : undefined

const integerIn = (value: string | undefined, min: number, max: number): number | undefined => {
  if (value === undefined || !/^\d{1,4}$/.test(value)) return undefined
  const n = Number(value)
  return n >= min && n <= max ? n : undefined
}

/** This month in Japan, as year and month (利用時期 may not be later). */
export function currentMonthInJapan(now: Date = new Date()): { year: number; month: number } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
  })
    .format(now)
    .split('-')
    .map(Number)
  return { year, month }
}

/** Checks a submission; either the values to store or an error per field. */
export function validateReviewForm(
  input: ReviewFormInput,
  malformed: ReviewFormField[] = [],
  now: Date = new Date(),
): { ok: true; values: ReviewValues } | { ok: false; errors: ReviewFormErrors } {
  const errors: ReviewFormErrors = {}

  const rating = integerIn(input.rating, 1, 5)
  if (rating === undefined) errors.rating = '総合評価を1〜5の星から選んでください。'

  const subRatings = {} as Record<SubRatingKey, number | null>
  for (const key of SUB_RATING_KEYS) {
    const field = subRatingField(key)
    const raw = input[field]
    if (raw === undefined || raw === '') {
      subRatings[key] = null
      continue
    }
    const value = integerIn(raw, 1, 5)
    if (value === undefined)
      errors[field] = `${SUB_RATINGS[key]}は1〜5か「未回答」から選んでください。`
    else subRatings[key] = value
  }

  const title = cleanReviewLine(input.title ?? '')
  const titleLength = graphemeLength(title)
  if (titleLength < TITLE_MIN || titleLength > TITLE_MAX)
    errors.title = `タイトルは${TITLE_MIN}〜${TITLE_MAX}文字で入力してください(いま${titleLength}文字)。`
  else {
    const problem = contactProblem(title)
    if (problem) errors.title = problem
  }

  const body = cleanReviewText(input.body ?? '')
  const bodyLength = graphemeLength(body)
  if (bodyLength < BODY_MIN || bodyLength > BODY_MAX)
    errors.body = `本文は${BODY_MIN.toLocaleString('ja-JP')}〜${BODY_MAX.toLocaleString('ja-JP')}文字で入力してください(いま${bodyLength.toLocaleString('ja-JP')}文字)。`
  else {
    const problem = contactProblem(body)
    if (problem) errors.body = problem
  }

  const penName = cleanReviewLine(input.penName ?? '')
  const penNameLength = graphemeLength(penName)
  if (penNameLength > PEN_NAME_MAX)
    errors.penName = `ペンネームは${PEN_NAME_MAX}文字以内で入力してください(いま${penNameLength}文字)。`
  else if (STAFF_NAMES.test(penName))
    errors.penName = '運営者・公式・編集部と紛らわしいペンネームは使えません。'
  else {
    const problem = contactProblem(penName)
    if (problem) errors.penName = problem
  }

  const ageBand = pick(AGE_BANDS, input.ageBand)
  if (!ageBand) errors.ageBand = '年代を選んでください(「回答しない」も選べます)。'
  const gender = pick(GENDERS, input.gender)
  if (!gender) errors.gender = '性別を選んでください(「回答しない」も選べます)。'
  const industry = pick(INDUSTRIES, input.industry)
  if (!industry) errors.industry = '業界を選んでください(「回答しない」も選べます)。'
  const experienceYears = pick(EXPERIENCE_YEARS, input.experienceYears)
  if (!experienceYears)
    errors.experienceYears = '経験年数を選んでください(「回答しない」も選べます)。'

  const { year: thisYear, month: thisMonth } = currentMonthInJapan(now)
  const usedYear = integerIn(input.usedYear, FIRST_USE_YEAR, thisYear)
  const usedMonth = integerIn(input.usedMonth, 1, 12)
  if (usedYear === undefined || usedMonth === undefined)
    errors.usedYear = `利用時期を${FIRST_USE_YEAR}年1月から今月までの年と月で選んでください。`
  else if (usedYear === thisYear && usedMonth > thisMonth)
    errors.usedYear = '利用時期に未来の月は選べません。'

  const usage = pick(USAGE, input.usage)
  if (!usage) errors.usage = '利用結果を選んでください。'

  const rewarded = input.rewarded === 'yes' ? true : input.rewarded === 'no' ? false : undefined
  if (rewarded === undefined) errors.rewarded = '謝礼・特典を受け取ったかどうかを選んでください。'

  if (input.agree !== 'on') errors.agree = '投稿ガイドラインへの同意が必要です。'

  for (const field of malformed)
    errors[field] ??= 'この項目の値が正しくありません。もう一度入力してください。'

  if (Object.keys(errors).length > 0 || malformed.length > 0) return { ok: false, errors }
  return {
    ok: true,
    values: {
      rating: rating!,
      subRatings,
      title,
      body,
      penName: penName || null,
      ageBand: ageBand!,
      gender: gender!,
      industry: industry!,
      experienceYears: experienceYears!,
      usedYear: usedYear!,
      usedMonth: usedMonth!,
      usage: usage!,
      rewarded: rewarded!,
    },
  }
}
