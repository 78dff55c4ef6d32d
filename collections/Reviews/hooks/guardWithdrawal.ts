import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import type { Review } from '@/payload-types'

/** Set by lib/readerReviews.ts withdrawReview, the one way a review becomes 取り下げ. */
export const READER_WITHDRAWAL = 'readerWithdrawal'

/**
 * 取り下げ belongs to the reader who posted the review: staff cannot set it for them, and a
 * review its writer withdrew is not published again (or sent back to the queue) by anyone.
 */
export const guardWithdrawal: CollectionBeforeChangeHook<Review> = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const before = operation === 'update' ? originalDoc?.status : undefined
  const after = data.status ?? before
  const refuse = (message: string) => {
    throw new ValidationError({
      collection: 'reviews',
      errors: [{ path: 'status', message }],
      req,
    })
  }
  if (after === 'withdrawn' && before !== 'withdrawn' && !req.context?.[READER_WITHDRAWAL])
    refuse('「取り下げ(投稿者)」は、投稿者が「投稿した口コミ」ページから選ぶ状態です。')
  if (before === 'withdrawn' && after !== 'withdrawn')
    refuse('投稿者が取り下げた口コミは、掲載も審査待ちへの戻しもできません。')
  return data
}
