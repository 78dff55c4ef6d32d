import type { CollectionAfterChangeHook } from 'payload'

import { relationId } from '@/lib/ids'
import type { Review, ReviewVote } from '@/payload-types'

/**
 * Sets the review's 「参考になった」 count to the number of its votes, counted afresh (never
 * incremented, so it cannot drift). The review's other hooks see `helpfulCountOnly` and skip
 * the agent's rating refresh and the moderation record: a vote changes neither.
 */
export const recountHelpful: CollectionAfterChangeHook<ReviewVote> = async ({ doc, req }) => {
  const reviewId = relationId<Review>(doc.review)
  if (reviewId === undefined || reviewId === null) return doc
  const { totalDocs } = await req.payload.count({
    collection: 'review-votes',
    where: { review: { equals: reviewId } },
    overrideAccess: true,
    req,
  })
  await req.payload.update({
    collection: 'reviews',
    id: reviewId,
    data: { helpfulCount: totalDocs },
    depth: 0,
    overrideAccess: true,
    req,
    context: { ...req.context, helpfulCountOnly: true },
  })
  return doc
}
