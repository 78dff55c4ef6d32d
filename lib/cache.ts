import { createHash } from 'node:crypto'

import { unstable_cache } from 'next/cache'
import { cache } from 'react'

import { resolveDatabase } from './env'
import { recordPageTags } from './pageTags'

// One .next build can serve different databases (npm start, the browser tests), so the
// database is part of every cache key: data from one is never served for another.
const databaseKey = createHash('sha256')
  .update(resolveDatabase(process.env).url)
  .digest('hex')
  .slice(0, 12)

/**
 * Wraps a read in Next's data cache under the given tags (invalidated by the collection
 * hooks), and in React's per-request cache so a page and its metadata share one call. The
 * tags are also recorded for the page cache in front of Next (lib/pageTags.ts).
 * Outside a Next server (tests, scripts) there is no data cache and the read runs directly.
 */
export function cachedQuery<A extends unknown[], R>(
  name: string,
  read: (...args: A) => Promise<R>,
  // a function may look its tags up (an article page's: the documents it shows)
  tags: string[] | ((...args: A) => string[] | Promise<string[]>),
): (...args: A) => Promise<R> {
  return cache(async (...args: A) => {
    if (!process.env.NEXT_RUNTIME) return read(...args)
    const tagsOf = typeof tags === 'function' ? await tags(...args) : tags
    // the page being rendered is stale when these are (lib/pageCache.ts)
    recordPageTags(tagsOf)
    return unstable_cache(() => read(...args), [databaseKey, name, JSON.stringify(args)], {
      tags: tagsOf,
    })()
  })
}
