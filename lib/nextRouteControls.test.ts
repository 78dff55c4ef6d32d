import { createRequire } from 'node:module'

import { describe, expect, it } from 'vitest'

import {
  boundRouteCacheControls,
  routeCacheControlOf,
  routeCacheControlsSize,
} from './nextRouteControls'

const require = createRequire(import.meta.url)

describe("Next's per-route cache lifetimes", () => {
  it('are reachable in this Next version, and stay within the bound however many routes are cached', () => {
    const { SharedCacheControls } =
      require('next/dist/server/lib/incremental-cache/shared-cache-controls.external.js') as {
        SharedCacheControls: new (manifest: unknown) => {
          set(route: string, control: { revalidate: number | false; expire?: number }): void
        }
      }
    expect(boundRouteCacheControls(100)).toBe(true)
    const controls = new SharedCacheControls({ routes: {}, dynamicRoutes: {} })
    for (let n = 0; n < 1_000; n++) {
      controls.set(`/articles/no-such-article-${n}`, { revalidate: false })
    }
    expect(routeCacheControlsSize()).toBe(100)
    // the newest are kept
    controls.set('/articles/pmo-suited-person', { revalidate: 60 })
    expect(routeCacheControlsSize()).toBe(100)
    expect(routeCacheControlOf('/articles/pmo-suited-person')).toEqual({ revalidate: 60 })
    expect(routeCacheControlOf('/articles/no-such-article-0')).toBeUndefined()
    expect(routeCacheControlOf('/articles/no-such-article-999')).toEqual({ revalidate: false })
  })
})
