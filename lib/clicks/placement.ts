import { LRUCache } from 'lru-cache'
import type { Payload } from 'payload'

import type { Article } from '@/payload-types'

// `?from=` on a /go/ link names where the reader clicked: an article (its slug) or an agent
// page (`agent-<slug>`), as the site's own CTAs write it. Anything else is recorded as
// 'unknown', never as given. Known placements are remembered for a few minutes (bounded).

export const UNKNOWN_PLACEMENT = 'unknown'
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

type Known = { placement: string; article: Article['id'] | null }
const known = new LRUCache<string, Known>({ max: 5_000, ttl: 5 * 60_000 })

export async function resolvePlacement(payload: Payload, from: string | null): Promise<Known> {
  const unknown = { placement: UNKNOWN_PLACEMENT, article: null }
  if (!from || from.length > 120 || !SLUG.test(from)) return unknown
  const hit = known.get(from)
  if (hit) return hit
  const agentSlug = from.startsWith('agent-') ? from.slice('agent-'.length) : null
  const found = agentSlug
    ? await payload.count({
        collection: 'agents',
        where: { slug: { equals: agentSlug } },
        overrideAccess: true,
      })
    : null
  let result: Known = unknown
  if (found?.totalDocs) result = { placement: from, article: null }
  else {
    const { docs } = await payload.find({
      collection: 'articles',
      where: { and: [{ slug: { equals: from } }, { _status: { equals: 'published' } }] },
      limit: 1,
      depth: 0,
      select: { slug: true },
      overrideAccess: true,
    })
    if (docs[0]) result = { placement: from, article: docs[0].id }
  }
  known.set(from, result)
  return result
}
