import { randomUUID, timingSafeEqual } from 'node:crypto'

import { internalToken } from './internalToken'

// How the site tells one anonymous reader from another, for limits and one-vote-per-reader,
// without an account and without storing who they are: a keyed hash of the address (the key
// derives from PAYLOAD_SECRET, so the address cannot be recovered from a stored hash by
// trying every address), and a random reader id in a cookie signed the same way.

/** A reader's address as stored: 32 hex characters, never the address itself. */
export const readerAddressHash = (address: string) =>
  internalToken(`review-submitter:${address}`).slice(0, 32)

/** The cookie that carries a reader's random id (for 参考になった votes). */
export const READER_COOKIE = 'cm_reader'
export const READER_COOKIE_MAX_AGE = 400 * 24 * 60 * 60 // the longest browsers keep one

/**
 * What a review keeps of the reader id of the browser that posted it (「投稿した口コミ」): a
 * keyed hash, so a stored value cannot be turned back into a cookie that passes as theirs.
 */
export const readerReviewKey = (readerId: string) =>
  internalToken(`review-reader:${readerId}`).slice(0, 32)

const READER_ID = /^[0-9a-f-]{36}$/

const signatureOf = (id: string) => internalToken(`reader-cookie:${id}`).slice(0, 32)

/** A new reader id and the cookie value that carries it. */
export function newReaderCookie(): { id: string; value: string } {
  const id = randomUUID()
  return { id, value: `${id}.${signatureOf(id)}` }
}

/** The reader id in a cookie value, or null when the value was not signed by this site. */
export function readerIdFrom(value: string | undefined | null): string | null {
  if (!value) return null
  const [id, signature, ...rest] = value.split('.')
  if (rest.length || !id || !signature || !READER_ID.test(id)) return null
  const given = Buffer.from(signature)
  const expected = Buffer.from(signatureOf(id))
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null
}
