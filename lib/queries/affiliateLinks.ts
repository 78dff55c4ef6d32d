import { cachedLink } from '@/lib/clicks/linkCache'
import { getPayloadClient } from '@/lib/payload'
import type { AffiliateLink } from '@/payload-types'

export type RedirectTarget = { url: string; link: Pick<AffiliateLink, 'id' | 'slug'> }

/**
 * Where /go/{slug} sends a reader right now: the destination inside the link's schedule,
 * the fallback outside it, nothing for an unknown, paused or archived link. The link comes
 * from the in-process link cache (lib/clicks/linkCache.ts, emptied by the links' hooks); the
 * schedule is applied at each call, so a boundary takes effect at once.
 */
export async function getRedirectTarget(
  slug: string,
  now: Date = new Date(),
): Promise<RedirectTarget | null> {
  const link = await cachedLink(await getPayloadClient(), slug)
  return link ? resolveDestination(link, now) : null
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
