// The grouped count of moderation outcomes (one query for every agent, or for one) gives the
// same figures as counting one agent, rating and state at a time through the Local API.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import {
  daysAgo,
  empty,
  outcomesByAgent,
  outcomesByRating,
  RATINGS,
  type OutcomesByRating,
} from '@/lib/moderationStats'
import type { Agent } from '@/payload-types'
import { createAgent, reviewData } from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

/** The reference: one Local API count per rating and state. */
async function countedOneByOne(since: Date, agent?: Agent['id']): Promise<OutcomesByRating> {
  const outcomes = empty()
  for (const rating of RATINGS) {
    for (const status of ['approved', 'rejected', 'pending'] as const) {
      const { totalDocs } = await payload.count({
        collection: 'reviews',
        where: {
          and: [
            { submittedAt: { greater_than_equal: since.toISOString() } },
            { rating: { equals: rating } },
            { status: { equals: status } },
            ...(agent === undefined ? [] : [{ agent: { equals: agent } }]),
          ],
        },
        overrideAccess: true,
      })
      outcomes[rating][status] = totalDocs
    }
  }
  return outcomes
}

describe('moderation outcomes for every agent at once', () => {
  it('match the per-agent counts, and leave out reviews before the period', async () => {
    const [a, b] = [await createAgent(payload), await createAgent(payload)]
    const reviews = [
      [a, 1, 'rejected', 3],
      [a, 1, 'approved', 3],
      [a, 5, 'approved', 10],
      [a, 5, 'approved', 200],
      [b, 2, 'pending', 1],
      [b, 4, 'rejected', 20],
    ] as const
    for (const [agent, rating, status, age] of reviews) {
      await payload.create({
        collection: 'reviews',
        overrideAccess: true,
        depth: 0,
        data: reviewData(agent.id, {
          rating,
          status,
          rejectionCategory: status === 'rejected' ? 'spam' : null,
          submittedAt: daysAgo(age).toISOString(),
        }),
      })
    }
    const since = daysAgo(90)
    const { overall, byAgent } = await outcomesByAgent(payload, since)
    for (const agent of [a, b]) {
      const reference = await countedOneByOne(since, agent.id)
      expect(byAgent.get(String(agent.id))).toEqual(reference)
      expect(await outcomesByRating(payload, { since, agent: agent.id })).toEqual(reference)
    }
    const expectedA = empty()
    expectedA[1] = { approved: 1, rejected: 1, pending: 0 }
    expectedA[5] = { approved: 1, rejected: 0, pending: 0 }
    expect(byAgent.get(String(a.id))).toEqual(expectedA)
    expect(overall).toEqual(await countedOneByOne(since))
    expect(await outcomesByRating(payload, { since })).toEqual(overall)
  })
})
