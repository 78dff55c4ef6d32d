import { createHash, randomInt } from 'node:crypto'

// Weighted rotation among a link's destinations (an A/B of landing pages or programs): the
// main destination plus up to four alternatives, each with a weight. A reader who was sent to
// one of them keeps it for STICKY_DAYS through a first-party cookie scoped to the link's own
// /go/ path; the cookie holds a short hash of the URL, so if that destination is removed or
// changed the reader is drawn again.

export const STICKY_COOKIE = 'cm_dest'
export const STICKY_DAYS = 30
export const MAX_DESTINATIONS = 5

export type WeightedUrl = { url: string; weight: number }

/** The short hash the sticky cookie stores for a destination. */
export const destinationHash = (url: string) =>
  createHash('sha256').update(url).digest('base64url').slice(0, 12)

/** Picks by weight; `draw` is a number in [0, total) (random unless a test gives one). */
export function pickWeighted(
  candidates: WeightedUrl[],
  draw: (total: number) => number = (total) => randomInt(total),
): string | null {
  const usable = candidates.filter((c) => Number.isInteger(c.weight) && c.weight > 0)
  if (usable.length === 0) return null
  if (usable.length === 1) return usable[0]!.url
  const total = usable.reduce((sum, c) => sum + c.weight, 0)
  let point = draw(total)
  for (const candidate of usable) {
    if (point < candidate.weight) return candidate.url
    point -= candidate.weight
  }
  return usable[usable.length - 1]!.url
}

/**
 * The destination for one reader: the one their cookie names if it is still a candidate,
 * otherwise a weighted draw. `sticky` says whether a cookie should be (re)set.
 */
export function chooseDestination(
  candidates: WeightedUrl[],
  cookieValue: string | null,
  draw?: (total: number) => number,
): { url: string; sticky: boolean } | null {
  if (candidates.length <= 1) {
    const only = candidates[0]?.url
    return only ? { url: only, sticky: false } : null
  }
  const kept = cookieValue
    ? candidates.find((c) => c.weight > 0 && destinationHash(c.url) === cookieValue)
    : undefined
  if (kept) return { url: kept.url, sticky: false }
  const url = pickWeighted(candidates, draw)
  return url ? { url, sticky: true } : null
}

/** The value of one cookie in a Cookie header. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null
  }
  return null
}

/** The Set-Cookie header that keeps a reader on one destination of one link. */
export const stickyCookie = (slug: string, url: string, secure: boolean) =>
  `${STICKY_COOKIE}=${destinationHash(url)}; Path=/go/${slug}; Max-Age=${STICKY_DAYS * 86_400}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
