import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { dropReview, indexReview } from '@/lib/searchIndex/reviews'
import type { Review } from '@/payload-types'

/** Keeps the review search's index to the approved reviews (lib/searchIndex/reviews). */
export const indexReviewSearch: CollectionAfterChangeHook<Review> = async ({ doc, req }) => {
  await indexReview(req.payload, doc)
}

export const dropReviewSearch: CollectionAfterDeleteHook<Review> = async ({ id, req }) => {
  await dropReview(req.payload, id)
}
