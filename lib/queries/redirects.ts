import { cachedQuery } from '@/lib/cache'
import { TAGS } from '@/lib/cacheTags'
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
 * Every registered redirect, old path → where it leads now (the redirects collection, written
 * when a slug changes and by editors). One cached entry for all of them: a not-found page looks
 * its path up in memory, and unknown paths leave nothing behind in the data cache. Read with
 * the server's rights: the collection is staff-only in the API. Expires with every change to
 * a redirect or a slug.
 */
const getRedirectMap = cachedQuery(
  'redirects',
  async (): Promise<Record<string, string>> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'redirects',
      pagination: false,
      depth: 1,
      overrideAccess: true,
    })
    const map: Record<string, string> = {}
    for (const redirect of docs) {
      const target = redirectDestination(redirect.to ?? {})
      if (target && target !== redirect.from) map[redirect.from] = target
    }
    return map
  },
  [TAGS.redirects],
)

/** Where an old address now lives, or null. */
export async function getRedirectTarget(path: string): Promise<string | null> {
  const map = await getRedirectMap()
  return Object.hasOwn(map, path) ? map[path] : null
}
