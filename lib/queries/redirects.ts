import { TAGS } from '@/lib/cacheTags'
import { recordPageTags } from '@/lib/pageTags'
import { getPayloadClient } from '@/lib/payload'

/** The public path of a document a redirect points to, by collection. */
const PATHS: Record<string, string> = {
  articles: '/articles/',
  agents: '/agents/',
  categories: '/categories/',
}

type Reference = { relationTo?: string; value?: unknown } | null | undefined

/** The site path a redirect's target resolves to now, or null when it has none. */
export function redirectDestination(to: {
  type?: string | null
  reference?: Reference
  url?: string | null
}): string | null {
  if (to.type === 'custom') {
    // only this site's own paths: a redirect never sends readers to another site
    const url = to.url?.trim() ?? ''
    return url.startsWith('/') && !url.startsWith('//') ? url : null
  }
  const ref = to.reference
  const base = ref?.relationTo ? PATHS[ref.relationTo] : undefined
  const doc = ref?.value
  if (!base || !doc || typeof doc !== 'object') return null
  const { slug, _status } = doc as { slug?: unknown; _status?: unknown }
  // an unpublished article has no page to send readers to
  if (typeof slug !== 'string' || (_status !== undefined && _status !== 'published')) return null
  return `${base}${slug}`
}

/**
 * Where an old address now lives (the redirects collection, written when a slug changes and by
 * editors), or null. One indexed read of the path (`from` is indexed), not a map of every
 * redirect: a site that renames thousands of pages keeps thousands of redirects. Not kept in the
 * data cache, so that unknown paths, which anyone can make up, leave nothing behind. Read with
 * the server's rights: the collection is staff-only in the API.
 */
export async function getRedirectTarget(path: string): Promise<string | null> {
  // the page being rendered (a not-found page) expires with any redirect change
  recordPageTags([TAGS.redirects])
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'redirects',
    where: { from: { equals: path } },
    limit: 1,
    pagination: false,
    depth: 1,
    overrideAccess: true,
  })
  const target = docs[0] ? redirectDestination(docs[0].to ?? {}) : null
  return target && target !== path ? target : null
}
