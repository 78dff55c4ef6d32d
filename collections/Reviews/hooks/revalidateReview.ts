import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { TAGS } from '@/lib/cacheTags'
import { articlesShowing, articlesShowingDeleted } from '@/lib/dependents'
import { revalidateTags } from '@/lib/revalidate'
import type { Review } from '@/payload-types'

// An article that quotes a review shows its text, rating and attributes (and only while it is
// approved), so approving, rejecting, editing or deleting the review expires those articles.
// The agent's own pages follow from the rating refresh (refreshAgentRating → agent change).
export const revalidateReview: CollectionAfterChangeHook<Review> = async ({ doc, req }) => {
  if (req.context?.disableRevalidate || !process.env.NEXT_RUNTIME) return doc
  const articles = await articlesShowing(req, 'reviews', [doc.id])
  if (articles.length) revalidateTags(articles.map(TAGS.article), req.context)
  return doc
}

export const revalidateReviewAfterDelete: CollectionAfterDeleteHook<Review> = ({ doc, req }) => {
  const articles = articlesShowingDeleted(req, 'reviews', doc.id)
  if (articles.length) revalidateTags(articles.map(TAGS.article), req.context)
  return doc
}
