import type { CollectionBeforeChangeHook } from 'payload'

import { reviewFingerprint } from '@/lib/reviewFingerprint'
import { cleanReviewLine, cleanReviewText } from '@/lib/reviewText'
import type { Review } from '@/payload-types'

/**
 * Every review's text is stored cleaned (NFKC, no invisible or control characters), however it
 * arrives, and carries the fingerprint of its body that makes a copy of any other review's
 * body a duplicate (a unique index, so two copies sent at once cannot both be stored).
 */
export const prepareReviewText: CollectionBeforeChangeHook<Review> = ({ data }) => {
  if (typeof data.title === 'string') data.title = cleanReviewLine(data.title)
  if (typeof data.body === 'string') {
    data.body = cleanReviewText(data.body)
    data.bodyFingerprint = reviewFingerprint(data.body)
  }
  return data
}
