import { LRUCache } from 'lru-cache'
import type { Payload } from 'payload'

import type { Article } from '@/payload-types'

// `?from=` on a /go/ link names the page the reader clicked on: an article (its slug) or an
// agent page (`agent-<slug>`); `?slot=` names where on that page (one of SLOTS), as the site's
// own CTAs write them. Anything else is recorded as 'unknown', never as given. Known pages are
// remembered for a few minutes (bounded), so most clicks resolve without a query.

export const UNKNOWN_PLACEMENT = 'unknown'
/** the agents' comparison page (/agents/compare) */
export const COMPARE_PLACEMENT = 'compare'
export const SLOTS = {
  card: 'エージェントカード',
  table: '比較表',
  text: '本文リンク',
  'agent-page': 'エージェントページ',
} as const
export type Slot = keyof typeof SLOTS | typeof UNKNOWN_PLACEMENT

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export type Placement = { placement: string; article: Article['id'] | null }
const UNKNOWN: Placement = { placement: UNKNOWN_PLACEMENT, article: null }
const known = new LRUCache<string, Placement>({ max: 5_000, ttl: 5 * 60_000 })

export const resolveSlot = (slot: string | null): Slot =>
  slot && Object.hasOwn(SLOTS, slot) ? (slot as Slot) : UNKNOWN_PLACEMENT

const malformed = (from: string | null): from is null =>
  !from || from.length > 120 || !SLUG.test(from)

/** The placement if it is known without a query (malformed or remembered), else undefined. */
export function knownPlacement(from: string | null): Placement | undefined {
  if (malformed(from)) return UNKNOWN
  if (from === COMPARE_PLACEMENT) return { placement: from, article: null }
  return known.get(from)
}

export async function resolvePlacement(payload: Payload, from: string | null): Promise<Placement> {
  const hit = knownPlacement(from)
  if (hit || malformed(from)) return hit ?? UNKNOWN
  const agentSlug = from.startsWith('agent-') ? from.slice('agent-'.length) : null
  const found = agentSlug
    ? await payload.count({
        collection: 'agents',
        where: { slug: { equals: agentSlug } },
        overrideAccess: true,
      })
    : null
  let result: Placement = UNKNOWN
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
