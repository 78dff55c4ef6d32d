import { createHash } from 'node:crypto'

import { comparableLetters } from './reviewText'

/**
 * The body's fingerprint for duplicate checks: the cleaned text lower-cased with spaces and
 * punctuation dropped, so that a copy with other spacing, width or punctuation is the same.
 */
export function reviewFingerprint(body: string): string {
  return createHash('sha256').update(comparableLetters(body)).digest('hex')
}
