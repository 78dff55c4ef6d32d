import { AsyncLocalStorage } from 'node:async_hooks'

// The cache tags a page's render read, collected while the page cache (lib/pageCache.ts) waits
// for Next's answer: every cached getter (lib/cache.ts) records the tags it reads under, so the
// stored page is expired by exactly the changes that expire its data. The server (loaded by
// tsx) and the app (bundled by Next) each have a copy of this module; they share one
// AsyncLocalStorage through globalThis.

type Collected = { record: (tags: readonly string[]) => void }

const KEY = Symbol.for('career-media.page-tags')
const holder = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<Collected> }
const storage = () => (holder[KEY] ??= new AsyncLocalStorage<Collected>())

/**
 * Runs a request's handling, handing `record` the tags its render reads. A render may go on
 * after its request was answered or cut off (Next finishes a page for its route cache even
 * when the prefetch that started it is gone), so `record` may be called after that too.
 */
export function collectPageTags<T>(record: Collected['record'], run: () => T): T {
  return storage().run({ record }, run)
}

/** Records that the page being rendered shows data cached under these tags (no-op elsewhere). */
export function recordPageTags(tags: readonly string[]): void {
  storage().getStore()?.record(tags)
}
