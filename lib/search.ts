/** Longest query the site searches for; longer input is cut, never an error. */
export const MAX_QUERY_LENGTH = 100

/**
 * Text as search compares it: Unicode NFKC, which makes full-width letters and digits
 * (ＰＭＯ, ２０２６) half-width and half-width katakana (ｴｰｼﾞｪﾝﾄ) full-width, then lower
 * case. Applied to the query and to the stored search key of every article alike.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase()
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

/**
 * A short excerpt of text around the first match of any query word, for search results.
 * Falls back to the start of the text.
 */
export function snippet(text: string, query: string, radius = 50): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const words = query.split(' ').filter(Boolean)
  const lower = flat.toLowerCase()
  const at = words
    .map((w) => lower.indexOf(w.toLowerCase()))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b)[0]
  if (at === undefined) return flat.length > radius * 2 ? `${flat.slice(0, radius * 2)}…` : flat
  const start = Math.max(0, at - radius)
  const end = Math.min(flat.length, at + radius)
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
}

/** Splits text into parts, marking the ones that match a query word (case-insensitive). */
export function highlightParts(text: string, query: string): { text: string; match: boolean }[] {
  const words = query
    .split(' ')
    .filter(Boolean)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  if (!words.length) return [{ text, match: false }]
  const pattern = new RegExp(`(${words.join('|')})`, 'gi')
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, match: words.some((w) => new RegExp(`^${w}$`, 'i').test(part)) }))
}
