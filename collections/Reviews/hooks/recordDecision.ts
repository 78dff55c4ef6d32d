import type { CollectionAfterChangeHook } from 'payload'

import type { Review } from '@/payload-types'

/**
 * Every moderation decision (a review entered as, or moved to, 承認済み / 却下 / 承認待ち, and its
 * writer's 取り下げ, which has no staff member as `by`) is recorded in review-decisions with who made it, when and why. The record is written here with
 * the server's rights; no API can add, change or remove one.
 */
export const recordDecision: CollectionAfterChangeHook<Review> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (req.context?.helpfulCountOnly) return doc
  const before = operation === 'create' ? undefined : previousDoc?.status
  // a reader's new submission waits for a decision; it is not one
  if (doc.status === before || (operation === 'create' && doc.status === 'pending')) return doc
  await req.payload.create({
    collection: 'review-decisions',
    data: {
      review: doc.id,
      reviewTitle: doc.title,
      from: before ?? null,
      decision: doc.status,
      rating: doc.rating,
      reasonCategory: doc.status === 'rejected' ? (doc.rejectionCategory ?? null) : null,
      note:
        doc.status === 'rejected'
          ? (doc.rejectionReason ?? null)
          : doc.status === 'withdrawn'
            ? '投稿者が「投稿した口コミ」ページから取り下げました。'
            : null,
      by: req.user?.collection === 'users' ? req.user.id : null,
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
  return doc
}
