import type { Payload } from 'payload'

import { relationId } from '@/lib/ids'
import { JOBS_QUEUE } from '@/lib/jobsRunner'
import { searchPlan, type SearchPlan } from '@/lib/search'
import type { Review } from '@/payload-types'

import { reviewStoreFor } from '../index'
import { COUNT_CAP } from '../types'
import type { ReviewEntry, ReviewHits } from './types'

// The search within an agent's reviews: the index holds the approved reviews and nothing else.
// The reviews collection's hooks put a review in when it is approved or edited while approved
// and take it out when it leaves that state or is deleted (collections/Reviews/hooks).

/** A review as its hooks, the rebuild and a bulk load have it (ids of either database). */
type Indexed = Pick<Review, 'title' | 'body' | 'status'> & {
  id: string | number
  agent: Review['agent'] | string
  submittedAt: string | Date
}

const entryOf = (review: Indexed): ReviewEntry => ({
  id: String(review.id),
  agent: String(relationId(review.agent)),
  title: review.title ?? '',
  body: review.body ?? '',
  submittedAt: new Date(review.submittedAt ?? 0),
})

/** Brings one review's entry in line with what readers see: in while approved, out otherwise. */
export async function indexReview(payload: Payload, review: Indexed): Promise<void> {
  const store = reviewStoreFor(payload)
  if (review.status === 'approved') await store.put(entryOf(review))
  else await store.remove(String(review.id))
}

/** Puts many approved reviews in at once (a bulk load that wrote them without the hooks). */
export async function indexReviews(payload: Payload, reviews: Indexed[]): Promise<void> {
  await reviewStoreFor(payload).putMany(reviews.filter((r) => r.status === 'approved').map(entryOf))
}

/** Takes a deleted review out of the index. */
export async function dropReview(payload: Payload, id: string | number): Promise<void> {
  await reviewStoreFor(payload).remove(String(id))
}

/**
 * What a search within reviews looks for. Words of one character (の, 年, a) are left out: in
 * reviews there are no titles-only matches to fall back on (lib/search.ts searchPlan), and a
 * lone character stands for thousands of tokens.
 */
export type ReviewSearch = ReviewHits & Omit<SearchPlan, 'words' | 'titleOnly'>

/**
 * The ids of an agent's approved reviews matching a normalized query (lib/search
 * normalizeQuery), newest first, at most COUNT_CAP: the review list then reads, filters, sorts
 * and pages these as it does all the agent's reviews.
 */
export async function searchAgentReviews(
  payload: Payload,
  agent: string | number,
  query: string,
): Promise<ReviewSearch> {
  const { words, searched, ignored, titleOnly } = searchPlan(query)
  const usable = words.filter((word) => !word.titleOnly)
  const hits = await reviewStoreFor(payload).search(String(agent), usable, COUNT_CAP)
  return {
    ...hits,
    searched: searched.filter((word) => !titleOnly.includes(word)),
    ignored: [...ignored, ...titleOnly],
  }
}

/** Reviews read at a time by the rebuild. */
const REBUILD_PAGE = 500

/** Empties the review index and fills it again from every approved review. Returns the count. */
export async function rebuildReviewSearch(payload: Payload): Promise<number> {
  const store = reviewStoreFor(payload)
  await store.clear()
  let after: Review['id'] | undefined
  let count = 0
  for (;;) {
    // keyset pages (ids after the last one): no offset to skip and no count, on either database
    const { docs } = await payload.find({
      collection: 'reviews',
      where: {
        and: [
          { status: { equals: 'approved' } },
          ...(after === undefined ? [] : [{ id: { greater_than: after } }]),
        ],
      },
      select: { title: true, body: true, status: true, submittedAt: true, agent: true },
      sort: 'id',
      limit: REBUILD_PAGE,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    await store.putMany(docs.map(entryOf))
    count += docs.length
    if (docs.length < REBUILD_PAGE) return count
    after = docs.at(-1)!.id
  }
}

/** Up to this many approved reviews, start-up fills an empty index itself (the demo, tests). */
const BUILD_AT_START_UP = 2000

/**
 * At start-up: an empty index while approved reviews exist (a database from before the review
 * search, a restored backup, rows written past the hooks) is filled, here when the reviews are
 * few, otherwise by the rebuildReviewSearch job (jobs/rebuildReviewSearch.ts), queued once.
 */
export async function ensureReviewSearch(
  payload: Payload,
  { buildUpTo = BUILD_AT_START_UP }: { buildUpTo?: number } = {},
): Promise<void> {
  if ((await reviewStoreFor(payload).size()) > 0) return
  const { totalDocs } = await payload.count({
    collection: 'reviews',
    where: { status: { equals: 'approved' } },
    overrideAccess: true,
  })
  if (!totalDocs) return
  if (totalDocs <= buildUpTo) {
    const count = await rebuildReviewSearch(payload)
    payload.logger.info(`Review search: built from ${count} approved reviews`)
    return
  }
  const { totalDocs: queued } = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'rebuildReviewSearch' } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    overrideAccess: true,
  })
  if (!queued)
    await payload.jobs.queue({ task: 'rebuildReviewSearch', input: {}, queue: JOBS_QUEUE })
  payload.logger.info(
    `Review search: ${totalDocs} approved reviews are not indexed yet; the rebuildReviewSearch job fills the index`,
  )
}
