import { createRequire } from 'node:module'

// The production server's second expiry (lib/cacheSettle.ts) must not wait behind the very
// readers it is settling: as a loopback request to Next it queued for 2–10 s at 200 concurrent
// readers. So the server expires the tags in-process, the way Next's own FileSystemCache does
// for revalidateTag(tag, { expire: 0 }): both the route cache and the data cache check each
// entry against Next's in-memory tag manifest. That manifest is Next's internal module; Next
// is pinned to an exact version in package.json, and when the module is not there (another
// Next version) expireTagsInProcess returns false and the server falls back to the loopback.

type TagEntry = { stale?: number; expired?: number }

const require = createRequire(import.meta.url)

function manifest(): Map<string, TagEntry> | null {
  try {
    const mod = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js') as {
      tagsManifest?: unknown
    }
    return mod.tagsManifest instanceof Map ? (mod.tagsManifest as Map<string, TagEntry>) : null
  } catch {
    return null
  }
}

/** Next's tag for a path, as revalidatePath builds it (the implicit `_N_T_` tags). */
export const pathTag = (path: string) => `_N_T_${path.replace(/\/$/, '') || '/'}`

/** Expires tags (and paths' implicit tags) now; false when Next's manifest is not reachable. */
export function expireTagsInProcess(tags: Iterable<string>, paths: Iterable<string> = []): boolean {
  const map = manifest()
  if (!map) return false
  const now = Date.now()
  for (const tag of [...tags, ...[...paths].map(pathTag)]) {
    map.set(tag, { ...map.get(tag), stale: now, expired: now })
  }
  return true
}
