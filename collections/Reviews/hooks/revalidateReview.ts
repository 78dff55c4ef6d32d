import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { TAGS } from '@/lib/cacheTags'
import { showingTags } from '@/lib/dependents'
import { revalidateTags } from '@/lib/revalidate'
import { relationId } from '@/lib/ids'
import type { Agent, Review } from '@/payload-types'

// An article that quotes a review shows its text, rating and attributes (and only while it is
// approved), so approving, rejecting, editing or deleting the review expires those articles.
// The agent's review data (its list and the line counting received, published, not published
// and waiting reviews) changes with any review, even one still waiting; the agent's other
// pages follow from the rating refresh when an approved review changes. A review that is or was
// published changes the sitemap's review files too.
export const revalidateReview: CollectionAfterChangeHook<Review> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (req.context?.disableRevalidate || !process.env.NEXT_RUNTIME) return doc
  const agents = new Set([relationId<Agent>(doc.agent), relationId<Agent>(previousDoc?.agent)])
  const published = doc.status === 'approved' || previousDoc?.status === 'approved'
  revalidateTags(
    [
      ...showingTags('reviews', [doc.id]),
      ...[...agents].flatMap((id) =>
        id === undefined || id === null ? [] : [TAGS.agentReviews(id)],
      ),
      ...(published ? [TAGS.reviewLists] : []),
    ],
    req.context,
  )
  return doc
}

export const revalidateReviewAfterDelete: CollectionAfterDeleteHook<Review> = ({ doc, req }) => {
  revalidateTags(
    [...showingTags('reviews', [doc.id]), ...(doc.status === 'approved' ? [TAGS.reviewLists] : [])],
    req.context,
  )
  return doc
}
