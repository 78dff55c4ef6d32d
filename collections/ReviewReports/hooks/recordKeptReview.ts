import type { CollectionAfterChangeHook } from 'payload'

import { relationId } from '@/lib/ids'
import { REPORT_REASONS } from '@/lib/taxonomy'
import type { Review, ReviewReport } from '@/payload-types'

/**
 * A moderator who reads a report and keeps the review has made a decision like any other: it
 * goes into the moderation record (review-decisions) with who made it and the report's reason.
 */
export const recordKeptReview: CollectionAfterChangeHook<ReviewReport> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || doc.status !== 'dismissed' || previousDoc?.status === 'dismissed')
    return doc
  const reviewId = relationId<Review>(doc.review)
  if (reviewId === undefined || reviewId === null) return doc
  const review = await req.payload.findByID({
    collection: 'reviews',
    id: reviewId,
    depth: 0,
    select: { title: true, rating: true, status: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!review) return doc
  await req.payload.create({
    collection: 'review-decisions',
    data: {
      review: reviewId,
      reviewTitle: review.title,
      rating: review.rating,
      from: review.status,
      decision: review.status,
      note: `通報(${REPORT_REASONS[doc.reason]})を確認し、掲載を継続`,
      by: req.user?.collection === 'users' ? req.user.id : null,
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
  return doc
}
