import type { Payload } from 'payload'

import type { Click } from '@/payload-types'

import { writeClicks } from './clickStore'
import { rollupDeltas } from './rollups'

// Clicks are recorded without making the reader wait for the database: /go/ appends them to
// this in-process buffer and redirects; the buffer is written every FLUSH_INTERVAL_MS, and
// on SIGTERM/SIGINT the server (scripts/server.ts) flushes it before the process exits. What a
// crash (kill -9) can lose at most: the clicks of the last FLUSH_INTERVAL_MS plus a flush in
// progress. The buffer is bounded: past MAX_BUFFERED clicks waiting (the database unreachable
// for a long time) the oldest are dropped and counted in the log.

export const FLUSH_INTERVAL_MS = 1_000
export const MAX_BUFFERED = 100_000
const BATCH = 500

export type ClickRecord = Omit<Click, 'id' | 'createdAt' | 'updatedAt'> & { createdAt: string }

type State = {
  waiting: ClickRecord[]
  flushing: Promise<void> | null
  timer: ReturnType<typeof setInterval> | null
  dropped: number
  payload: Payload | null
}
const KEY = Symbol.for('career-media.click-buffer')
const state = (): State => {
  const holder = globalThis as typeof globalThis & { [KEY]?: State }
  holder[KEY] ??= { waiting: [], flushing: null, timer: null, dropped: 0, payload: null }
  return holder[KEY]
}

/** Queues a click and makes sure the buffer is written within FLUSH_INTERVAL_MS. */
export function recordClick(payload: Payload, click: ClickRecord): void {
  const s = state()
  s.payload = payload
  s.waiting.push(click)
  if (s.waiting.length > MAX_BUFFERED) {
    s.waiting.splice(0, s.waiting.length - MAX_BUFFERED)
    s.dropped += 1
  }
  s.timer ??= setInterval(() => void flushClicks(), FLUSH_INTERVAL_MS)
  s.timer.unref?.()
}

/** How many clicks wait to be written. */
export const bufferedClicks = () => state().waiting.length

/**
 * Writes every waiting click (one flush at a time; a call during a flush waits for it and then
 * writes what came in meanwhile). A click that cannot be written goes back to the buffer.
 */
export async function flushClicks(): Promise<void> {
  const s = state()
  while (s.flushing) await s.flushing
  if (!s.payload || s.waiting.length === 0) return
  const payload = s.payload
  const batch = s.waiting.splice(0, s.waiting.length)
  s.flushing = (async () => {
    // per batch of up to BATCH clicks one write of the clicks and the daily counts they add
    // (lib/clicks/clickStore.ts); a failed batch goes back to the buffer whole
    const failed: ClickRecord[] = []
    for (let start = 0; start < batch.length; start += BATCH) {
      // the database calls block the event loop (SQLite runs in-process): let the requests
      // waiting meanwhile be answered between batches
      if (start > 0) await new Promise((resolve) => setImmediate(resolve))
      const part = batch.slice(start, start + BATCH)
      try {
        await writeClicks(payload, part, await rollupDeltas(payload, part))
      } catch (error) {
        failed.push(...part)
        payload.logger.error(
          { err: error },
          `${part.length} clicks not written; kept for the next flush`,
        )
      }
    }
    if (failed.length) s.waiting.unshift(...failed)
    if (s.dropped) {
      payload.logger.error(`${s.dropped} clicks dropped: the click buffer was full`)
      s.dropped = 0
    }
  })()
  try {
    await s.flushing
  } finally {
    s.flushing = null
  }
}

// The server's signal handler reaches the flush through this global: the app's modules are
// bundled by Next and not importable from scripts/server.ts.
const FLUSH = Symbol.for('career-media.flush-clicks')
;(globalThis as typeof globalThis & { [FLUSH]?: () => Promise<void> })[FLUSH] = async () => {
  // a few rounds: what still cannot be written after them is logged, not waited on forever
  for (let round = 0; round < 3 && (state().waiting.length > 0 || state().flushing); round++)
    await flushClicks()
  if (state().waiting.length)
    state().payload?.logger.error(`${state().waiting.length} clicks not written before exit`)
}
