// An agent's figures counted in the database (lib/reviewCounts.ts countFigures) are the figures
// computed from its approved reviews loaded one by one, and they follow moderation decisions.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { aggregateCounts, aggregateReviews, recentSince } from '@/lib/reviewAggregates'
import { countFigures } from '@/lib/reviewCounts'
import { createAgent, reviewData } from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

const AGES = ['20s', '30s', 'no_answer'] as const
const INDUSTRIES = ['it', 'finance', 'no_answer'] as const

describe("an agent's figures from grouped counts", () => {
  it('equal the figures of its approved reviews loaded one by one', async () => {
    const agent = await createAgent(payload)
    for (let i = 0; i < 12; i++) {
      const status = i % 4 === 3 ? 'pending' : 'approved'
      await payload.create({
        collection: 'reviews',
        overrideAccess: true,
        depth: 0,
        data: reviewData(agent.id, {
          rating: (i % 5) + 1,
          status,
          ageBand: AGES[i % 3],
          industry: INDUSTRIES[(i + 1) % 3],
          subRatings: { offers: i % 2 ? (i % 5) + 1 : null, consultant: ((i + 2) % 5) + 1 },
          submittedAt: new Date(Date.now() - i * 60 * 86_400_000).toISOString(),
        }),
      })
    }
    const { docs } = await payload.find({
      collection: 'reviews',
      where: { and: [{ agent: { equals: agent.id } }, { status: { equals: 'approved' } }] },
      limit: 500,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const now = new Date()
    const counted = aggregateCounts(await countFigures(payload, agent.id, recentSince(now)))
    expect(counted).toEqual(aggregateReviews(docs, now))
    expect(counted.reviewCount).toBe(9)

    // and the agent's stored figures are these, recomputed by the reviews' hooks
    const stored = await payload.findByID({
      collection: 'agents',
      id: agent.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(stored.reviewCount).toBe(counted.reviewCount)
    expect(stored.ratingAverage).toBe(counted.ratingAverage)
    expect(stored.ratingDistribution).toMatchObject(counted.ratingDistribution)
    expect(stored.reviewAttributeGroups).toEqual(counted.attributeGroups)
  })
})
