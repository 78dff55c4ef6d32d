import { revalidatePath, revalidateTag } from 'next/cache'
import type { RequestContext } from 'payload'

import { settleAfterRequest } from './cacheSettle'
import { expirePageCache } from './pageCache'

const skip = (context?: RequestContext) => context?.disableRevalidate || !process.env.NEXT_RUNTIME

/**
 * Expires cache tags at once (the next visitor gets fresh content, never a stale copy), and
 * drops the pages read under them from the reader-page cache in front of Next (lib/pageCache.ts). Under the production
 * server the same tags are expired again once the readers that overlapped the change have
 * finished (lib/cacheSettle.ts), so a render that began before the change cannot keep the old
 * page. Skipped when the change runs outside a Next server (seed, tests: nothing is cached
 * there) or when the caller asked for it with context.disableRevalidate.
 */
export function revalidateTags(tags: string[], context?: RequestContext): void {
  if (skip(context)) return
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 })
  // after Next's tags, so that a page re-stored from Next is already the fresh one
  expirePageCache(tags)
  if (!context?.settling) settleAfterRequest(tags, [])
}

/** Same guard, for the few routes that are not tagged (sitemap.xml, feed.xml). */
export function revalidatePaths(paths: string[], context?: RequestContext): void {
  if (skip(context)) return
  for (const path of new Set(paths)) revalidatePath(path)
  expirePageCache([], paths)
  if (!context?.settling) settleAfterRequest([], paths)
}
