import { createRequire } from 'node:module'

// Next keeps the cache lifetime of every route it has cached in a Map that only grows
// (SharedCacheControls.cacheControls, one entry per address: about 150 bytes for each unknown
// article slug a scanner asks for, kept for the life of the process). The route cache itself
// is an LRU (cacheMaxMemorySize in next.config.mjs), so a lifetime is only useful while its
// page may still be in it; this bounds the Map the same way, oldest entry out. A route whose
// entry was dropped takes its lifetime from its next render, as a new address does.
//
// SharedCacheControls is Next's internal module (Next is pinned to an exact version in
// package.json); lib/nextRouteControls.test.ts fails when an upgrade moves it, and without it
// boundRouteCacheControls returns false and the server logs that the Map is unbounded.

export const ROUTE_CACHE_CONTROLS_MAX = 20_000

const require = createRequire(import.meta.url)

function routeCacheControls(): Map<string, unknown> | null {
  try {
    const mod =
      require('next/dist/server/lib/incremental-cache/shared-cache-controls.external.js') as {
        SharedCacheControls?: { cacheControls?: unknown }
      }
    const map = mod.SharedCacheControls?.cacheControls
    return map instanceof Map ? (map as Map<string, unknown>) : null
  } catch {
    return null
  }
}

const BOUNDED = Symbol.for('career-media.bounded')

/** Keeps Next's per-route cache lifetimes to the last `max` routes; false when not reachable. */
export function boundRouteCacheControls(max = ROUTE_CACHE_CONTROLS_MAX): boolean {
  const map = routeCacheControls() as (Map<string, unknown> & { [BOUNDED]?: true }) | null
  if (!map) return false
  if (map[BOUNDED]) return true
  map[BOUNDED] = true
  const set = map.set.bind(map)
  map.set = (key, value) => {
    if (!map.has(key)) {
      while (map.size >= max) map.delete(map.keys().next().value!)
    }
    return set(key, value)
  }
  return true
}

/** How many route lifetimes Next holds now (for the memory bench and the test). */
export const routeCacheControlsSize = () => routeCacheControls()?.size ?? 0

/** The lifetime Next holds for a route, if any. */
export const routeCacheControlOf = (route: string) => routeCacheControls()?.get(route)
