import { notFound, permanentRedirect } from 'next/navigation'

import { getRedirectTarget } from '@/lib/queries/redirects'

/**
 * For an address with no page: its new address if it has moved (a changed slug, or a redirect
 * an editor registered), else the site's 404. Next answers a permanent redirect with 308; the
 * front server (scripts/server.ts) turns it into the 301 search engines know best.
 */
export async function redirectOrNotFound(path: string): Promise<never> {
  const target = path.length <= 300 ? await getRedirectTarget(path) : null
  if (target) permanentRedirect(target)
  notFound()
}
