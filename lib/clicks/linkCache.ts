import type { Payload } from 'payload'

import type { AffiliateLink } from '@/payload-types'

// /go/ reads links from memory, not the database: an entry per slug (a missing link is
// remembered too, so unknown slugs cost no query either), dropped whenever the affiliate
// links' hooks or the affiliate settings' hook see a change, and after a minute in any case.
// The schedule is applied per request from the cached fields, so a switch takes effect at its
// time. The ASPs' sub-ID settings are cached beside the links and dropped with them.

export type CachedLink = Pick<
  AffiliateLink,
  | 'id'
  | 'slug'
  | 'asp'
  | 'destinationUrl'
  | 'primaryWeight'
  | 'alternatives'
  | 'fallbackUrl'
  | 'activeFrom'
  | 'activeUntil'
  | 'subIdTemplate'
>

/** Per ASP: the parameter its tracking URLs take a sub-ID in, and the default template. */
export type SubIdRules = Map<string, { parameter: string; template: string }>

const TTL_MS = 60_000
const MAX_ENTRIES = 10_000

type Entry = { link: CachedLink | null; at: number }
type State = {
  entries: Map<string, Entry>
  generation: number
  subIds: { rules: SubIdRules; at: number } | null
}
const KEY = Symbol.for('career-media.link-cache')
const state = (): State => {
  const holder = globalThis as typeof globalThis & { [KEY]?: State }
  holder[KEY] ??= { entries: new Map(), generation: 0, subIds: null }
  return holder[KEY]
}

/** Forgets every cached link and the sub-ID rules (the links' and settings' hooks call this). */
export function clearLinkCache() {
  const s = state()
  s.generation += 1
  s.entries.clear()
  s.subIds = null
}

/** The cached link without waiting: null for a link known not to exist, undefined if not cached. */
export function peekLink(slug: string): CachedLink | null | undefined {
  const hit = state().entries.get(slug)
  return hit && Date.now() - hit.at < TTL_MS ? hit.link : undefined
}

/** The cached sub-ID rules without waiting, undefined if not cached. */
export function peekSubIdRules(): SubIdRules | undefined {
  const cached = state().subIds
  return cached && Date.now() - cached.at < TTL_MS ? cached.rules : undefined
}

export async function cachedLink(payload: Payload, slug: string): Promise<CachedLink | null> {
  const hit = peekLink(slug)
  if (hit !== undefined) return hit
  const cache = state().entries
  const generation = state().generation
  const { docs } = await payload.find({
    collection: 'affiliate-links',
    where: { and: [{ slug: { equals: slug } }, { status: { equals: 'active' } }] },
    limit: 1,
    depth: 0,
    select: {
      slug: true,
      asp: true,
      destinationUrl: true,
      primaryWeight: true,
      alternatives: true,
      fallbackUrl: true,
      activeFrom: true,
      activeUntil: true,
      subIdTemplate: true,
    },
    // destinations are staff-only fields; the server reads them to redirect, never to show them
    overrideAccess: true,
  })
  // bounded: a flood of unknown slugs cannot grow it without end
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string)
  const link = docs[0] ?? null
  // a change saved while this was read may have made it stale: keep it only if none was
  if (state().generation === generation) cache.set(slug, { link, at: Date.now() })
  return link
}

export async function cachedSubIdRules(payload: Payload): Promise<SubIdRules> {
  const hit = peekSubIdRules()
  if (hit) return hit
  const generation = state().generation
  const settings = await payload.findGlobal({
    slug: 'affiliate-settings',
    depth: 0,
    overrideAccess: true,
  })
  const rules: SubIdRules = new Map()
  for (const row of settings.subIds ?? []) {
    if (row.asp && row.parameter)
      rules.set(row.asp, { parameter: row.parameter, template: row.template ?? '' })
  }
  if (state().generation === generation) state().subIds = { rules, at: Date.now() }
  return rules
}
