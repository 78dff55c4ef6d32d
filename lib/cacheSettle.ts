import { AsyncLocalStorage } from 'node:async_hooks'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { expirePageCache as expirePageCacheHere } from './pageCache'

// Why a second expiry is needed. A reader's render that began before a change was committed
// reads the old data, and Next (its data cache and its route cache) stores the result when the
// render ends, stamped with the time it was stored. If that is after the change expired the
// cache tags, the old page looks newer than the expiry and is served until the next change:
// under load this happened on every run. Next gives no hook for "a render that started before
// an expiry", so the production server keeps count of the reader requests in flight and, once
// every one that began before a change was committed has ended, expires the change's tags
// again. A render that began after the commit but read a stale data-cache entry (stored by one
// of those early renders) is caught by a second round. Each round also drops the page cache's
// pages of those tags.
//
// The tracker lives in the server process (scripts/server.ts); the app's copy of this module
// (bundled by Next, used by lib/revalidate.ts) reaches the same state through globalThis.

export type PendingExpiry = { tags: Set<string>; paths: Set<string> }

/** The purpose of the internal token on the server's calls to POST /api/cache/expire. */
export const CACHE_EXPIRE_PURPOSE = 'cache-expire'

type Tracked = { seq: number; pending?: PendingExpiry }

type Waiter = { before: number; resolve: () => void }

type Tracker = {
  als: AsyncLocalStorage<Tracked>
  next: number
  readers: Map<number, Tracked>
  waiters: Waiter[]
  queued: PendingExpiry | null
  running: boolean
  expire: (pending: PendingExpiry) => Promise<void>
  rounds: number
}

/** How long a round waits at most for slow readers before expiring anyway. */
export const SETTLE_MAX_WAIT_MS = 5_000
/** While it waits, a round expires the change's tags again this often. */
export const SETTLE_INTERVAL_MS = 200
const ROUNDS = 2

const KEY = Symbol.for('career-media.cache-settle')
const holder = globalThis as typeof globalThis & { [KEY]?: Tracker }

/**
 * Starts tracking in this process (the production server). `expire` re-expires tags and paths
 * from inside Next (a loopback request to the cache endpoint) and drops their pages from the
 * page cache.
 */
export function installCacheSettle(expire: Tracker['expire']): void {
  holder[KEY] ??= {
    als: new AsyncLocalStorage<Tracked>(),
    next: 0,
    readers: new Map(),
    waiters: [],
    queued: null,
    running: false,
    expire,
    rounds: 0,
  }
}

const tracker = () => holder[KEY]

/** Requests whose render Next may store: page and data reads (not static files, not writes). */
const isReader = (req: Pick<IncomingMessage, 'method' | 'url'>) =>
  (req.method === 'GET' || req.method === 'HEAD') &&
  !req.url?.startsWith('/_next/static/') &&
  !req.url?.startsWith('/api/media/file/')

function wake(t: Tracker) {
  const oldest = Math.min(...t.readers.keys())
  t.waiters = t.waiters.filter((w) => {
    if (w.before <= oldest) w.resolve()
    return w.before > oldest
  })
}

/** Runs a request inside the tracker, so that revalidations it makes are settled after it. */
export function trackRequest(
  req: IncomingMessage,
  res: ServerResponse,
  run: () => Promise<void>,
): Promise<void> {
  const t = tracker()
  if (!t) return run()
  const record: Tracked = { seq: ++t.next }
  if (isReader(req)) t.readers.set(record.seq, record)
  res.once('close', () => {
    t.readers.delete(record.seq)
    wake(t)
    // the writer's transaction is committed before its response ends
    if (record.pending) queueSettle(t, record.pending)
  })
  return t.als.run(record, run)
}

/** Resolves when every reader that started before now has ended (or after the maximum wait). */
function readersBeforeNow(t: Tracker): Promise<void> {
  const before = t.next + 1
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, SETTLE_MAX_WAIT_MS)
    timer.unref()
    t.waiters.push({
      before,
      resolve: () => {
        clearTimeout(timer)
        resolve()
      },
    })
    wake(t)
  })
}

function queueSettle(t: Tracker, pending: PendingExpiry) {
  // the change is committed now: no page the page cache holds from before it may be served
  expirePageCacheHere(pending.tags, pending.paths)
  t.queued ??= { tags: new Set(), paths: new Set() }
  for (const tag of pending.tags) t.queued.tags.add(tag)
  for (const path of pending.paths) t.queued.paths.add(path)
  if (!t.running) void settleLoop(t)
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

async function settleLoop(t: Tracker) {
  t.running = true
  const expire = (batch: PendingExpiry) =>
    t.expire(batch).catch((error: unknown) => console.error('cache settle:', error))
  try {
    while (t.queued) {
      const batch = t.queued
      t.queued = null
      for (let round = 0; round < ROUNDS; round++) {
        const started = Date.now()
        const readers = t.readers.size
        let ended = false
        const overlapping = readersBeforeNow(t).then(() => {
          ended = true
        })
        // while slow readers are still running, what they store is expired again every
        // SETTLE_INTERVAL_MS, so a reader after the change waits at most that long for it
        for (;;) {
          await Promise.race([overlapping, sleep(SETTLE_INTERVAL_MS)])
          if (ended) break
          await expire(batch)
        }
        await expire(batch)
        t.rounds++
        if (process.env.CACHE_SETTLE_DEBUG) {
          console.log(
            `cache settle: round ${round + 1}, ${readers} readers, settled after ${Date.now() - started} ms`,
          )
        }
      }
    }
  } finally {
    t.running = false
  }
}

/**
 * Called with every revalidation (lib/revalidate.ts): remembers the tags and paths on the
 * request that changed the content, to be expired again once it has ended and the readers
 * that overlapped it have finished. False when no tracker runs here (next start, tests).
 */
export function settleAfterRequest(tags: Iterable<string>, paths: Iterable<string>): boolean {
  const t = tracker()
  if (!t) return false
  const pending: PendingExpiry = { tags: new Set(tags), paths: new Set(paths) }
  const current = t.als.getStore()
  if (!current) {
    queueSettle(t, pending)
    return true
  }
  current.pending ??= { tags: new Set(), paths: new Set() }
  for (const tag of pending.tags) current.pending.tags.add(tag)
  for (const path of pending.paths) current.pending.paths.add(path)
  return true
}

/** Settle rounds completed in this process (for tests and the bench). */
export const settleRounds = () => tracker()?.rounds ?? 0
