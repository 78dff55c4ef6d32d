import { getPayloadClient } from '@/lib/payload'
import type { AffiliateLink } from '@/payload-types'

export type RedirectTarget = { url: string; link: Pick<AffiliateLink, 'id' | 'slug'> }

/**
 * Where /go/{slug} sends a reader right now: the destination inside the link's schedule,
 * the fallback outside it, nothing for an unknown, paused or archived link.
 * Not cached: a schedule boundary must take effect at once.
 */
export async function getRedirectTarget(
  slug: string,
  now: Date = new Date(),
): Promise<RedirectTarget | null> {
  const payload = await getPayloadClient()
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
  const link = docs[0]
  if (!link) return null
  return resolveDestination(link, now)
}

/** The schedule rule on its own, for tests and for the compliance checks. */
export function resolveDestination(
  link: Pick<
    AffiliateLink,
    'id' | 'slug' | 'destinationUrl' | 'fallbackUrl' | 'activeFrom' | 'activeUntil'
  >,
  now: Date,
): RedirectTarget | null {
  const from = link.activeFrom ? new Date(link.activeFrom) : null
  const until = link.activeUntil ? new Date(link.activeUntil) : null
  const inSchedule = (!from || from <= now) && (!until || now < until)
  const url = inSchedule ? link.destinationUrl : link.fallbackUrl
  return url ? { url, link: { id: link.id, slug: link.slug } } : null
}
