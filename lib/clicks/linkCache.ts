import type { Payload } from 'payload'

import type { AffiliateLink } from '@/payload-types'

// /go/ reads links from memory, not the database: an entry per slug (a missing link is
// remembered too, so unknown slugs cost no query either), dropped whenever the affiliate
// links' hooks see a change, and after a minute in any case. The schedule is applied per
// request from the cached fields, so a switch takes effect at its time.

export type CachedLink = Pick<
  AffiliateLink,
  'id' | 'slug' | 'destinationUrl' | 'fallbackUrl' | 'activeFrom' | 'activeUntil'
>

const TTL_MS = 60_000
const MAX_ENTRIES = 10_000

type Entry = { link: CachedLink | null; at: number }
type State = { entries: Map<string, Entry>; generation: number }
const KEY = Symbol.for('career-media.link-cache')
const state = (): State => {
  const holder = globalThis as typeof globalThis & { [KEY]?: State }
  holder[KEY] ??= { entries: new Map(), generation: 0 }
  return holder[KEY]
}
const store = () => state().entries

/** Forgets every cached link (the affiliate links' hooks call this on any change). */
export function clearLinkCache() {
  state().generation += 1
  store().clear()
}

export async function cachedLink(payload: Payload, slug: string): Promise<CachedLink | null> {
  const cache = store()
  const generation = state().generation
  const hit = cache.get(slug)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.link
  const { docs } = await payload.find({
    collection: 'affiliate-links',
    where: { and: [{ slug: { equals: slug } }, { status: { equals: 'active' } }] },
    limit: 1,
    depth: 0,
    select: {
      slug: true,
      destinationUrl: true,
      fallbackUrl: true,
      activeFrom: true,
      activeUntil: true,
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
