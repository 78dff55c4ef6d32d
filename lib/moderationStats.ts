import type { Payload } from 'payload'

import type { Agent } from '@/payload-types'

import { countOutcomesSince } from './reviewCounts'

// How moderation treats each star rating: of the reviews submitted in a period and decided,
// how many were published and how many not, per rating. A site that rejects low ratings more
// often than high ones misleads readers however honest each single decision looks; this is
// what the review queue and the compliance view show, and what the agent page summarises.

export const RATINGS = [1, 2, 3, 4, 5] as const
export type Rating = (typeof RATINGS)[number]

export type RatingOutcome = { approved: number; rejected: number; pending: number }
export type OutcomesByRating = Record<Rating, RatingOutcome>

export const empty = (): OutcomesByRating =>
  Object.fromEntries(RATINGS.map((r) => [r, { approved: 0, rejected: 0, pending: 0 }])) as never

/** The share of decided reviews that were not published (null when none was decided). */
export const rejectionRate = ({ approved, rejected }: RatingOutcome): number | null =>
  approved + rejected === 0 ? null : rejected / (approved + rejected)

const sum = (outcomes: OutcomesByRating, ratings: readonly Rating[]): RatingOutcome =>
  ratings.reduce(
    (acc, r) => ({
      approved: acc.approved + outcomes[r].approved,
      rejected: acc.rejected + outcomes[r].rejected,
      pending: acc.pending + outcomes[r].pending,
    }),
    { approved: 0, rejected: 0, pending: 0 },
  )

/** Below this many decided low (★1–2) reviews, rates say too little to warn about. */
export const MIN_DECIDED_LOW = 5

/**
 * A warning when low ratings (★1–2) are rejected markedly more often than high ones (★4–5):
 * at least 10 points more and at least one and a half times as often. Null when there is no
 * sign of it, or too few decisions to tell.
 */
export function suppressionWarning(outcomes: OutcomesByRating): string | null {
  const low = sum(outcomes, [1, 2])
  const high = sum(outcomes, [4, 5])
  const lowRate = rejectionRate(low)
  const highRate = rejectionRate(high) ?? 0
  if (lowRate === null || low.approved + low.rejected < MIN_DECIDED_LOW) return null
  if (lowRate - highRate < 0.1 || lowRate < highRate * 1.5) return null
  const percent = (rate: number) => `${Math.round(rate * 100)}%`
  return `★1〜2の口コミの非掲載率(${percent(lowRate)})が★4〜5(${percent(highRate)})より大きく高くなっています。低い評価を理由に掲載を見送っていないか確認してください。`
}

/**
 * Outcomes per rating of the reviews submitted since the given time, for one agent or all.
 * Counted in the database (one grouped count), never by loading the reviews.
 */
export async function outcomesByRating(
  payload: Payload,
  { since, agent }: { since: Date; agent?: Agent['id'] },
): Promise<OutcomesByRating> {
  return (await outcomesByAgent(payload, since, agent)).overall
}

/**
 * Outcomes per rating of the reviews submitted since the given time, for every agent at once
 * (one grouped count, lib/reviewCounts.ts) and over all of them. An agent with no review
 * in the period is missing from `byAgent`.
 */
export async function outcomesByAgent(
  payload: Payload,
  since: Date,
  agent?: Agent['id'],
): Promise<{ overall: OutcomesByRating; byAgent: Map<string, OutcomesByRating> }> {
  const overall = empty()
  const byAgent = new Map<string, OutcomesByRating>()
  for (const row of await countOutcomesSince(payload, since, agent)) {
    const rating = row.rating as Rating
    const status = row.status as keyof RatingOutcome
    if (!RATINGS.includes(rating) || !['approved', 'rejected', 'pending'].includes(status)) continue
    const agent = byAgent.get(row.agent) ?? empty()
    byAgent.set(row.agent, agent)
    agent[rating][status] += row.count
    overall[rating][status] += row.count
  }
  return { overall, byAgent }
}

/** Received, published, not published and waiting, over every rating. */
export const totals = (outcomes: OutcomesByRating) => {
  const all = sum(outcomes, RATINGS)
  return {
    received: all.approved + all.rejected + all.pending,
    published: all.approved,
    notPublished: all.rejected,
    waiting: all.pending,
  }
}

/** The time a number of days before now. */
export const daysAgo = (days: number, now: Date = new Date()) =>
  new Date(now.getTime() - days * 24 * 60 * 60 * 1000)
