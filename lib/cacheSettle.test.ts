import { EventEmitter } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { describe, expect, it, vi } from 'vitest'

import { installCacheSettle, settleAfterRequest, trackRequest } from './cacheSettle'

const request = (method: string, url: string) => ({ method, url }) as IncomingMessage
const response = () => new EventEmitter() as unknown as ServerResponse
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms))

// one tracker per process, as in the server; the test drives it with fake requests
const expired: { at: number; tags: string[] }[] = []
installCacheSettle(async ({ tags }) => {
  expired.push({ at: Date.now(), tags: [...tags] })
})

/** Starts a request that stays open until the returned function is called. */
function open(method: string, url: string, during?: () => void) {
  const res = response()
  let finish!: () => void
  const done = trackRequest(request(method, url), res, async () => {
    during?.()
    await new Promise<void>((resolve) => (finish = resolve))
  })
  return async () => {
    finish()
    await done
    res.emit('close')
  }
}

describe('cache settle', () => {
  it('expires a change again only after the readers that overlapped it have ended', async () => {
    expired.length = 0
    const slowReader = open('GET', '/articles/a')
    const endWriter = open('PATCH', '/api/articles/1', () => settleAfterRequest(['article:a'], []))
    await tick(5)
    expect(expired).toEqual([]) // nothing while the change is not yet committed
    await endWriter()
    const lateReader = open('GET', '/articles/a') // began after the commit: not waited for
    await tick(450)
    // the overlapping reader is still running: the tags are expired again at intervals
    const whileWaiting = expired.length
    expect(whileWaiting).toBeGreaterThanOrEqual(1)
    expect(expired.every((e) => e.tags.join() === 'article:a')).toBe(true)
    const slowEnded = Date.now()
    await slowReader()
    await tick(450)
    const lateEnded = Date.now()
    await lateReader()
    await tick(300)
    // the first round ended with the overlapping reader, the second with the one after it
    expect(expired.some((e) => e.at >= slowEnded && e.at < lateEnded)).toBe(true)
    expect(expired.at(-1)!.at).toBeGreaterThanOrEqual(lateEnded)
    const settled = expired.length
    await tick(500)
    expect(expired.length).toBe(settled) // and then it stops
  })

  it('does nothing for requests that change nothing', async () => {
    expired.length = 0
    const end = open('GET', '/articles/b')
    await end()
    await tick(300)
    expect(expired).toEqual([])
  })

  it('gathers the revalidations of one request into one settle', async () => {
    expired.length = 0
    const end = open('POST', '/api/reviews', () => {
      settleAfterRequest(['agent:x'], [])
      settleAfterRequest(['article:y', 'agent:x'], [])
    })
    await end()
    await vi.waitFor(() => expect(expired.length).toBe(2), { timeout: 2000 })
    expect(expired.map((e) => e.tags.sort().join())).toEqual([
      'agent:x,article:y',
      'agent:x,article:y',
    ])
  })
})
