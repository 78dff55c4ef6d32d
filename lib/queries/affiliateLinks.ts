import type { Payload } from 'payload'

import { cachedLink, type CachedLink } from '@/lib/clicks/linkCache'
import type { WeightedUrl } from '@/lib/clicks/rotation'
import { getPayloadClient } from '@/lib/payload'
import type { AffiliateLink } from '@/payload-types'

export type RedirectTarget = {
  /** the main destination (or the fallback outside the schedule) */
  url: string
  /** where a reader may be sent, with weights: the rotation inside the schedule */
  candidates: WeightedUrl[]
  /** true outside the schedule: the fallback, sent as it is (no sub-ID) */
  fallback: boolean
  link: Pick<AffiliateLink, 'id' | 'slug'>
}

/**
 * Where /go/{slug} sends a reader right now: the destination (or its rotation) inside the
 * link's schedule, the fallback outside it, nothing for an unknown, paused or archived link.
 * The link comes from the in-process link cache (lib/clicks/linkCache.ts, emptied by the
 * links' hooks); the schedule is applied at each call, so a boundary takes effect at once.
 */
export async function getRedirectTarget(
  slug: string,
  now: Date = new Date(),
): Promise<RedirectTarget | null> {
  const link = await cachedLink(await getPayloadClient(), slug)
  return link ? resolveDestination(link, now) : null
}

/** The schedule and rotation rule on its own, for /go/, tests and the compliance checks. */
export function resolveDestination(
  link: Pick<
    CachedLink,
    'id' | 'slug' | 'destinationUrl' | 'fallbackUrl' | 'activeFrom' | 'activeUntil'
  > &
    Partial<Pick<CachedLink, 'primaryWeight' | 'alternatives'>>,
  now: Date,
): RedirectTarget | null {
  const from = link.activeFrom ? new Date(link.activeFrom) : null
  const until = link.activeUntil ? new Date(link.activeUntil) : null
  const inSchedule = (!from || from <= now) && (!until || now < until)
  const ref = { id: link.id, slug: link.slug }
  if (!inSchedule) {
    return link.fallbackUrl
      ? {
          url: link.fallbackUrl,
          candidates: [{ url: link.fallbackUrl, weight: 1 }],
          fallback: true,
          link: ref,
        }
      : null
  }
  const alternatives = (link.alternatives ?? [])
    .filter((row) => row.url && (row.weight ?? 0) > 0)
    .map((row) => ({ url: row.url, weight: row.weight ?? 0 }))
  const primaryWeight = alternatives.length ? (link.primaryWeight ?? 100) : 1
  const candidates = [
    ...(primaryWeight > 0 ? [{ url: link.destinationUrl, weight: primaryWeight }] : []),
    ...alternatives,
  ]
  return candidates.length
    ? { url: link.destinationUrl, candidates, fallback: false, link: ref }
    : null
}

type Staff = NonNullable<Parameters<Payload['find']>[0]['user']>
export type LinkAttention = Pick<
  AffiliateLink,
  'id' | 'name' | 'slug' | 'activeUntil' | 'healthState' | 'health'
>

const attentionSelect = {
  name: true,
  slug: true,
  activeUntil: true,
  healthState: true,
  health: true,
} as const

/** Active links whose landing page the last health check could not open, for the dashboard. */
export async function getBrokenLinks(payload: Payload, user: Staff, limit = 10) {
  const result = await payload.find({
    collection: 'affiliate-links',
    where: {
      and: [{ status: { equals: 'active' } }, { healthState: { in: ['broken', 'error'] } }],
    },
    select: attentionSelect,
    sort: 'name',
    depth: 0,
    limit,
    user,
    overrideAccess: false,
  })
  return { docs: result.docs as LinkAttention[], totalDocs: result.totalDocs }
}

/** Active links whose schedule ends within `days` days: time to renew or set a fallback. */
export async function getLinksExpiringSoon(
  payload: Payload,
  user: Staff,
  now: Date = new Date(),
  days = 14,
  limit = 10,
) {
  const result = await payload.find({
    collection: 'affiliate-links',
    where: {
      and: [
        { status: { equals: 'active' } },
        { activeUntil: { greater_than: now.toISOString() } },
        {
          activeUntil: {
            less_than_equal: new Date(now.getTime() + days * 86_400_000).toISOString(),
          },
        },
      ],
    },
    select: attentionSelect,
    sort: 'activeUntil',
    depth: 0,
    limit,
    user,
    overrideAccess: false,
  })
  return { docs: result.docs as LinkAttention[], totalDocs: result.totalDocs }
}
