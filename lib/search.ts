/** Longest query the site searches for; longer input is cut, never an error. */
export const MAX_QUERY_LENGTH = 100

// katakana (ァ–ヶ, ヽヾ) to the hiragana 0x60 below them, so エージェント finds えーじぇんと
const KATAKANA = /[\u30a1-\u30f6\u30fd\u30fe]/g
const toHiragana = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0x60)

/**
 * Text as search compares it: Unicode NFKC, which makes full-width letters and digits
 * (ＰＭＯ, ２０２６) half-width and half-width katakana (ｴｰｼﾞｪﾝﾄ) full-width, then lower
 * case, then katakana as hiragana. Applied to the query and to every indexed text alike.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(KATAKANA, toHiragana)
}

// Japanese is written without spaces, so the index cannot split it into words. It splits runs
// of kanji and kana into overlapping pairs of characters (bigrams: 転職活動 → 転職 職活 活動),
// which finds every word of two characters or more, and keeps runs of other letters and digits
// (PMO, 2026) as words. SQLite's trigram tokenizer would miss the two-character words (年収,
// 副業) that readers search for most. A run of one character is kept as it is.
const CJK = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\u30fc\\u3005'
const RUNS = new RegExp(`([${CJK}]+)|((?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])+)`, 'gu')

type Run = { cjk: boolean; tokens: string[] }

function runsOf(folded: string): Run[] {
  const runs: Run[] = []
  for (const [, cjk, word] of folded.matchAll(RUNS)) {
    if (word) runs.push({ cjk: false, tokens: [word] })
    else if (cjk) {
      const chars = [...cjk]
      runs.push({
        cjk: true,
        tokens: chars.length === 1 ? chars : chars.slice(1).map((c, i) => chars[i] + c),
      })
    }
  }
  return runs
}

/** The index's tokens of a text, in order (the text is folded first). */
export function searchTokens(text: string): string[] {
  return runsOf(foldForSearch(text)).flatMap((run) => run.tokens)
}

/**
 * One query word as the index matches it: its tokens, which must follow each other, whether the
 * last one is a prefix (pm finds PMO), and whether it is looked for in titles only (a word of
 * one character, see searchPlan).
 */
export type WordTokens = { tokens: string[]; prefix: boolean; titleOnly: boolean }

/** What a query searches for, and what of it was left out or narrowed (the page says so). */
export type SearchPlan = {
  words: WordTokens[]
  /** the query's words that are looked for, as typed */
  searched: string[]
  /** words of one kana (の, が, て): particles, left out */
  ignored: string[]
  /** words of one kanji, letter or digit (年, a): looked for in titles only */
  titleOnly: string[]
}

/** Words a query may have; more are left out. */
export const MAX_QUERY_WORDS = 5

const HAN = /^\p{sc=Han}$/u
const LETTER_END = /\p{L}$/u

// Why these rules: a short prefix stands for every token it starts, and in bigrams of Japanese
// text a lone kana starts thousands of them, together in nearly every article (の took 2.4 s at
// 100,000 articles and held the server meanwhile). So a lone kana is a particle and drops out;
// a lone kanji, letter or digit is a prefix in titles only, whose tokens are few; a word
// ending in digits is matched exactly (2026, not 20…); and a lone kana at the end of a longer
// word drops out (PMOの is PMO).
function wordOf(word: string): WordTokens | 'particle' | null {
  const runs = runsOf(foldForSearch(word))
  const loneOf = (run: Run | undefined) =>
    run?.cjk && run.tokens[0]!.length === 1 ? run.tokens[0]! : null
  const isKana = (char: string | null) => char !== null && !HAN.test(char)
  if (runs.length === 1 && isKana(loneOf(runs[0]))) return 'particle'
  while (runs.length > 1 && isKana(loneOf(runs.at(-1)))) runs.pop()
  const last = runs.at(-1)
  if (!last) return null
  const tokens = runs.flatMap((run) => run.tokens)
  const single = tokens.length === 1 && [...tokens[0]!].length === 1
  if (loneOf(last) || single) return { tokens, prefix: true, titleOnly: true }
  return { tokens, prefix: !last.cjk && LETTER_END.test(last.tokens[0]!), titleOnly: false }
}

/** What a normalized query (normalizeQuery) searches for: its words as the index matches them. */
export function searchPlan(query: string): SearchPlan {
  const plan: SearchPlan = { words: [], searched: [], ignored: [], titleOnly: [] }
  for (const word of query.split(' ').slice(0, MAX_QUERY_WORDS)) {
    const tokens = wordOf(word)
    if (tokens === 'particle') plan.ignored.push(word)
    else if (tokens) {
      plan.words.push(tokens)
      plan.searched.push(word)
      if (tokens.titleOnly) plan.titleOnly.push(word)
    }
  }
  return plan
}

/** The words of a normalized query as the index matches them; words with no letters drop out. */
export const queryWords = (query: string): WordTokens[] => searchPlan(query).words

/** How many of a query's tokens a search checks for rarity, at most (probeTokens). */
export const MAX_PROBES = 4

const KANA_ONLY = /^[\p{sc=Hiragana}\u30fc]+$/u

/**
 * The tokens of a query's words (those not in titles only) that a search checks for one that
 * few articles have, which then bounds what the search walks: letters, digits and kanji first
 * (kana pairs are in nearly every article), each once, MAX_PROBES at most. A prefix is checked
 * with all it stands for.
 */
export function probeTokens(words: WordTokens[]): { token: string; prefix: boolean }[] {
  const probes = new Map<string, boolean>()
  for (const word of words) {
    if (word.titleOnly) continue
    word.tokens.forEach((token, i) => {
      const prefix = word.prefix && i === word.tokens.length - 1
      probes.set(token, (probes.get(token) ?? false) || prefix)
    })
  }
  return [...probes]
    .map(([token, prefix]) => ({ token, prefix }))
    .sort((a, b) => Number(KANA_ONLY.test(a.token)) - Number(KANA_ONLY.test(b.token)))
    .slice(0, MAX_PROBES)
}

/**
 * The search words from ?q=: NFKC as foldForSearch (case is kept for the search box; the
 * database's `like` ignores it), trimmed, whitespace folded (full-width spaces too), capped.
 * `%` and `_` (full-width ones too, after NFKC) become spaces: SQL's LIKE reads them as
 * wildcards and Payload passes them through unescaped, so on SQLite `q=_` matched every
 * article while MongoDB matched it literally; neither is a word readers look for.
 */
export function normalizeQuery(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw
  if (typeof value !== 'string') return ''
  return value
    .normalize('NFKC')
    .replace(/[\s\u3000%_]+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim()
}

/** A page number from the query string: 1 for anything missing, not a positive integer, or absurd. */
export function parsePage(raw: unknown, max = 1000): number | null {
  const value = Array.isArray(raw) ? raw[0] : raw
  if (value === undefined || value === null || value === '') return 1
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value)) return null
  const page = Number(value)
  return page >= 1 && page <= max ? page : null
}

// The text folded as foldForSearch folds it, with the range of the original text that each folded
// character came from, so matches found in the folded text are marked in the original.
function foldedWithOrigins(text: string) {
  let folded = ''
  const starts: number[] = []
  const ends: number[] = []
  let at = 0
  for (const char of text) {
    const piece = foldForSearch(char)
    const end = at + char.length
    if (/^[\u3099\u309a]$/.test(piece) && folded) {
      // a half-width voicing mark (ｶﾞ): joined to the kana before it, as NFKC joins them
      const joined = foldForSearch(folded.at(-1)! + piece)
      if (joined.length === 1) {
        folded = folded.slice(0, -1) + joined
        ends[ends.length - 1] = end
        at = end
        continue
      }
    }
    for (let k = 0; k < piece.length; k++) {
      starts.push(at)
      ends.push(end)
    }
    folded += piece
    at = end
  }
  return { folded, starts, ends }
}

/** Where the query's words appear in the text (ranges of the original text, in order, merged). */
function matchRanges(text: string, query: string): [number, number][] {
  const words = [...new Set(query.split(' ').filter(Boolean).map(foldForSearch))]
  if (!words.length) return []
  const { folded, starts, ends } = foldedWithOrigins(text)
  const found: [number, number][] = []
  for (const word of words) {
    for (let i = folded.indexOf(word); i >= 0; i = folded.indexOf(word, i + word.length)) {
      found.push([starts[i]!, ends[i + word.length - 1]!])
    }
  }
  found.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const range of found) {
    const last = merged.at(-1)
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([...range])
  }
  return merged
}

/**
 * A short excerpt of text around the first match of any query word (matched as search matches:
 * width, case and katakana/hiragana folded), for search results. Falls back to the start.
 */
export function snippet(text: string, query: string, radius = 50): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const at = matchRanges(flat, query)[0]?.[0]
  if (at === undefined) return flat.length > radius * 2 ? `${flat.slice(0, radius * 2)}…` : flat
  const start = Math.max(0, at - radius)
  const end = Math.min(flat.length, at + radius)
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
}

/** Splits text into parts, marking the ones that match a query word (folded as search folds). */
export function highlightParts(text: string, query: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = []
  let at = 0
  for (const [start, end] of matchRanges(text, query)) {
    if (start > at) parts.push({ text: text.slice(at, start), match: false })
    parts.push({ text: text.slice(start, end), match: true })
    at = end
  }
  if (at < text.length || !parts.length) parts.push({ text: text.slice(at), match: false })
  return parts
}
