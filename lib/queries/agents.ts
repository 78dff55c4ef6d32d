import { cache } from 'react'

import { getPayloadClient } from '@/lib/payload'
import type { Agent } from '@/payload-types'

export const REVIEWS_PER_PAGE = 10

/** One agent with its logo and primary link populated. */
export const getAgentBySlug = cache(async (slug: string): Promise<Agent | null> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'agents',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 1,
    overrideAccess: false,
  })
  return docs[0] ?? null
})

/** All agents, best rated first, for listings and the top-agents block. */
export const getAgents = cache(async (): Promise<Agent[]> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'agents',
    sort: ['-ratingAverage', '-reviewCount'],
    pagination: false,
    depth: 1,
    overrideAccess: false,
  })
  return docs
})

export type ReviewSort = 'newest' | 'highest' | 'lowest'

const sortField: Record<ReviewSort, string[]> = {
  newest: ['-submittedAt'],
  highest: ['-rating', '-submittedAt'],
  lowest: ['rating', '-submittedAt'],
}

/** A page of an agent's approved reviews. Visitors never see pending or rejected ones. */
export const getApprovedReviews = cache(
  async (agentId: Agent['id'], page = 1, sort: ReviewSort = 'newest', limit = REVIEWS_PER_PAGE) => {
    const payload = await getPayloadClient()
    return payload.find({
      collection: 'reviews',
      where: { and: [{ agent: { equals: agentId } }, { status: { equals: 'approved' } }] },
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
        submittedAt: true,
      },
      overrideAccess: false,
    })
  },
)

export type PublicReview = Awaited<ReturnType<typeof getApprovedReviews>>['docs'][number]
