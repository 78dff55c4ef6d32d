import type { AffiliateLink } from '@/payload-types'

/**
 * The slug of a populated, active affiliate link, or undefined. Visitors can only read active
 * links, so a paused or archived link arrives as a bare id and yields no CTA.
 */
export const linkSlugOf = (
  link: AffiliateLink | string | number | null | undefined,
): string | undefined =>
  link && typeof link === 'object' && link.status === 'active' ? link.slug : undefined
