import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { relationId } from '@/lib/ids'
import { aggregateCounts, recentSince } from '@/lib/reviewAggregates'
import { countFigures } from '@/lib/reviewCounts'
import type { Agent, Review } from '@/payload-types'

const agentId = (ref: Review['agent'] | null | undefined) => relationId<Agent>(ref)

// One recomputation per agent at a time in this process: two at once (a bulk approval,
// several moderators) would both rewrite the agent and collide on its array rows.
const running = new Map<Agent['id'], Promise<void>>()

/** Recomputes an agent's figures from scratch from its approved reviews (lib/reviewAggregates.ts). */
export function refreshAgentRating(req: PayloadRequest, id: Agent['id']): Promise<void> {
  const previous = running.get(id) ?? Promise.resolve()
  const next = previous.then(
    () => recompute(req, id),
    () => recompute(req, id),
  )
  running.set(id, next)
  const forget = () => {
    if (running.get(id) === next) running.delete(id)
  }
  next.then(forget, forget)
  return next
}

async function recompute(req: PayloadRequest, id: Agent['id']): Promise<void> {
  // counted in the database, in the request's transaction (lib/reviewCounts.ts): loading every
  // approved review took about 16 s for an agent with 58,000
  const figures = aggregateCounts(await countFigures(req.payload, id, recentSince(), req))
  await req.payload.update({
    collection: 'agents',
    id,
    data: {
      reviewCount: figures.reviewCount,
      ratingAverage: figures.ratingAverage,
      ratingDistribution: figures.ratingDistribution,
      ratingLast12Months: figures.recent.average,
      reviewCountLast12Months: figures.recent.count,
      ratingDetails: {
        subRatings: figures.subRatings,
        bySegment: figures.bySegment,
      },
      reviewAttributeGroups: figures.attributeGroups,
    },
    depth: 0,
    overrideAccess: true,
    req,
    context: { ...req.context, ratingRefresh: true },
  })
}

export const refreshAgentRatingAfterChange: CollectionAfterChangeHook<Review> = async ({
  doc,
  previousDoc,
  req,
}) => {
  // a vote changes no figure of the agent's; a bulk import recomputes once when it is done
  if (req.context?.helpfulCountOnly || req.context?.bulkImport) return doc
  // only approved reviews count: a new pending one, or a rejection of a pending one, changes
  // nothing an agent shows
  if (doc.status !== 'approved' && previousDoc?.status !== 'approved') return doc
  const ids = new Set([agentId(doc.agent), agentId(previousDoc?.agent)])
  for (const id of ids) if (id !== undefined) await refreshAgentRating(req, id)
  return doc
}

export const refreshAgentRatingAfterDelete: CollectionAfterDeleteHook<Review> = async ({
  doc,
  req,
}) => {
  const id = agentId(doc.agent)
  if (id !== undefined) await refreshAgentRating(req, id)
  return doc
}
