// Readers' review text: how it is cleaned before it is measured, compared and stored, and
// what it may not contain. Stored and rendered as plain text (React escapes it), never HTML.

// zero-width, bidi control and other invisible format characters (Unicode category Cf), and
// control characters other than the line break a reader types between paragraphs; except the
// zero-width joiner that makes one emoji of several (👨‍👩‍👧, 🏳️‍🌈, 🧑🏻‍💻): after an emoji, its
// variation selector or skin tone, and before another emoji, it is part of what readers see
const INVISIBLE =
  /(?!(?<=\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]?)\u200D(?=\p{Extended_Pictographic}))[\p{Cf}\u0000-\u0009\u000b-\u001f\u007f-\u009f]/gu

const GRAPHEMES = new Intl.Segmenter('ja', { granularity: 'grapheme' })

/**
 * The length of a text in the characters a reader sees and counts (grapheme clusters): an emoji,
 * a family emoji or a letter with its combining mark is one, where String#length counts UTF-16
 * units (two for 😊, eight for 👨‍👩‍👧). Every limit on readers' text and every count shown to
 * them uses this.
 */
export function graphemeLength(text: string): number {
  let count = 0
  for (const _ of GRAPHEMES.segment(text)) count++
  return count
}

/**
 * NFKC (full-width letters and digits, half-width kana and compatibility forms folded), line
 * breaks unified, invisible and control characters removed, runs of blank lines shortened,
 * and the ends trimmed. Lengths and duplicate checks are taken on this text.
 */
export function cleanReviewText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** A one-line field (the title): line breaks become spaces. */
export const cleanReviewLine = (raw: string): string =>
  cleanReviewText(raw.replace(/[\r\n]+/g, ' '))

// Contact details are refused in titles and bodies: reviews are about the service, and a
// review that carries a URL, an address or a number is either an advertisement or someone's
// personal information. The text is matched after cleanReviewText (NFKC: full-width digits,
// letters, ＠, ．and parentheses are already their ASCII forms) and after contactForm below
// folds what NFKC leaves: 「アット(マーク)」 and [at] to '@', 「ドット」 and [dot] to '.', then
// dash-, hyphen- and minus-like marks and the long-vowel mark to '-'.
const DASH_LIKE = /[\u00AD\u2010-\u2015\u2043\u2212\u2796\u30FC\uFE58\uFE63\uFF70]/g
const AT_WORD = /\s*(?:アット(?:マーク)?|あっと|\[at\]|\(at\)|<at>)\s*/gi
const DOT_WORD = /\s*(?:ドット|どっと|\[dot\]|\(dot\)|<dot>)\s*/gi

const contactForm = (cleaned: string) =>
  cleaned.replace(AT_WORD, '@').replace(DOT_WORD, '.').replace(DASH_LIKE, '-')

const URL_LIKE =
  /(?:https?:\/\/|www\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|jp|co|io|info|biz|xyz|me|app|dev|ly|to)\b)/i
const EMAIL_LIKE = /[a-z0-9._%+-]+ ?@ ?[a-z0-9-]+(?:\.[a-z0-9-]+)+/i
// a run of digits joined by the separators people type inside a number (dashes, dots, spaces,
// parentheses; at most three in a row, as in 06 - 1234), optionally after +
const DIGIT_RUN = /\+?\(?\d(?:[-.\s()]{0,3}\d)+/g

/**
 * Whether a run of digits is a Japanese phone number: 10 or 11 digits from a 0 (fixed lines,
 * mobiles, 0120 and 050), or +81 and 9 or 10 more. Amounts, years and ranges written in text
 * (年収600万円, 2024年1月, 3〜5社) are broken by their units and never reach ten digits.
 */
function isPhoneNumber(run: string): boolean {
  const digits = run.replace(/\D/g, '')
  if (run.startsWith('+'))
    return digits.startsWith('81') && digits.length >= 11 && digits.length <= 12
  return digits.startsWith('0') && digits.length >= 10 && digits.length <= 11
}

/** Why the text may not be published as it is, in words for the reader; null when it may. */
export function contactProblem(text: string): string | null {
  const cleaned = contactForm(cleanReviewText(text))
  if (EMAIL_LIKE.test(cleaned))
    return 'メールアドレスは書けません(個人の特定や宣伝につながるため)。'
  if (URL_LIKE.test(cleaned)) return 'URLやドメイン名は書けません(宣伝や誘導につながるため)。'
  if ((cleaned.match(DIGIT_RUN) ?? []).some(isPhoneNumber))
    return '電話番号は書けません(個人の特定や宣伝につながるため)。'
  return null
}

/** Words of the banned list (one per line in site settings) that the text contains. */
export function bannedWordsIn(text: string, list: string | null | undefined): string[] {
  if (!list) return []
  const haystack = cleanReviewText(text).toLowerCase()
  const words = list
    .split('\n')
    .map((word) => cleanReviewLine(word).toLowerCase())
    .filter(Boolean)
  return [...new Set(words.filter((word) => haystack.includes(word)))]
}

/**
 * The letters of a text as compared for duplicates: cleaned, lower-cased, no spaces or
 * punctuation, nor the joiners kept between emoji (emoji are symbols and dropped, so a joiner
 * added between two would otherwise make a copy look new).
 */
export const comparableLetters = (text: string): string =>
  cleanReviewText(text)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\u200D]+/gu, '')

/** Character-trigram similarity (0–1) of two texts, shown to moderators as a signal. */
export function textSimilarity(a: string, b: string): number {
  const grams = (text: string) => {
    const letters = comparableLetters(text)
    const set = new Set<string>()
    for (let i = 0; i + 3 <= letters.length; i++) set.add(letters.slice(i, i + 3))
    return set
  }
  const x = grams(a)
  const y = grams(b)
  if (x.size === 0 || y.size === 0) return 0
  let shared = 0
  for (const gram of x) if (y.has(gram)) shared++
  return shared / (x.size + y.size - shared)
}
