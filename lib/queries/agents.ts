import { cachedQuery } from '@/lib/cache'
import { TAGS } from '@/lib/cacheTags'
import { daysAgo, outcomesByRating, totals } from '@/lib/moderationStats'
import { getPayloadClient } from '@/lib/payload'
import type { ReviewFilters, ReviewSort } from '@/lib/reviewFilters'
import type { Agent } from '@/payload-types'
import type { Where } from 'payload'

export const REVIEWS_PER_PAGE = 10

/** One agent with its logo and primary link populated. */
export const getAgentBySlug = cachedQuery(
  'agent',
  async (slug: string): Promise<Agent | null> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'agents',
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 1,
      overrideAccess: false,
    })
    return docs[0] ?? null
  },
  (slug) => [TAGS.agent(slug)],
)

/** All agents, best rated first, for listings and the top-agents block. */
export const getAgents = cachedQuery(
  'agents',
  async (): Promise<Agent[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'agents',
      sort: ['-ratingAverage', '-reviewCount'],
      pagination: false,
      depth: 1,
      overrideAccess: false,
    })
    return docs
  },
  [TAGS.agentLists],
)

const sortField: Record<ReviewSort, string[]> = {
  newest: ['-submittedAt'],
  highest: ['-rating', '-submittedAt'],
  lowest: ['rating', '-submittedAt'],
}

/** A page of an agent's approved reviews, filtered and sorted. Visitors never see others. */
async function readApprovedReviews(
  agentId: Agent['id'],
  page = 1,
  sort: ReviewSort = 'newest',
  limit = REVIEWS_PER_PAGE,
  filters: ReviewFilters = {},
) {
  const payload = await getPayloadClient()
  const and: Where[] = [{ agent: { equals: agentId } }, { status: { equals: 'approved' } }]
  for (const [field, value] of Object.entries(filters)) {
    if (value !== undefined) and.push({ [field]: { equals: value } })
  }
  return payload.find({
    collection: 'reviews',
    where: { and },
    sort: sortField[sort],
    page,
    limit,
    depth: 0,
    select: {
      rating: true,
      title: true,
      body: true,
      ageBand: true,
      gender: true,
      industry: true,
      experienceYears: true,
      usage: true,
      usedYear: true,
      usedMonth: true,
      rewarded: true,
      subRatings: true,
      reply: true,
      submittedAt: true,
    },
    overrideAccess: false,
  })
}

export const getApprovedReviews = cachedQuery<
  Parameters<typeof readApprovedReviews>,
  Awaited<ReturnType<typeof readApprovedReviews>>
>('approved-reviews', readApprovedReviews, (agentId) => [TAGS.agentReviews(agentId)])

export type PublicReview = Awaited<ReturnType<typeof getApprovedReviews>>['docs'][number]

/**
 * What happened to the reviews of an agent submitted in the last 12 months: received,
 * published, not published and waiting (the line under the agent's reviews). Expires with
 * the agent's reviews, so every decision shows at once.
 */
export const getReviewOutcomes = cachedQuery(
  'review-outcomes',
  async (agentId: Agent['id']) => {
    const payload = await getPayloadClient()
    return totals(await outcomesByRating(payload, { since: daysAgo(365), agent: agentId }))
  },
  (agentId) => [TAGS.agentReviews(agentId)],
)
