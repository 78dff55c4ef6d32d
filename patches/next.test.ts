import type { IncomingMessage, ServerResponse } from 'node:http'

import { generateETag } from 'next/dist/server/lib/etag'
import RenderResult from 'next/dist/server/render-result'
import { sendRenderResult } from 'next/dist/server/send-payload'
import { describe, expect, it } from 'vitest'

// next+16.4.6.patch: Next sends a prerendered or cached page (an article from the route cache)
// by hashing the whole HTML for its ETag and encoding it to UTF-8 on every request. The patch
// keeps both per page string. These tests hold the patched function to what readers and their
// browsers rely on: the same bytes, length and ETag as before, 304s, and a changed page never
// answered with the old bytes.

type Sent = { status: number; headers: Map<string, unknown>; body: unknown }

async function send(
  html: string,
  init: { method?: string; ifNoneMatch?: string; etags?: boolean } = {},
) {
  const sent: Sent = { status: 200, headers: new Map(), body: undefined }
  const res = {
    headersSent: false,
    finished: false,
    get statusCode() {
      return sent.status
    },
    set statusCode(value: number) {
      sent.status = value
    },
    setHeader: (name: string, value: unknown) => sent.headers.set(name.toLowerCase(), value),
    getHeader: (name: string) => sent.headers.get(name.toLowerCase()),
    end(body?: unknown) {
      sent.body = body
      this.finished = true
    },
  }
  const req = {
    method: init.method ?? 'GET',
    headers: init.ifNoneMatch ? { 'if-none-match': init.ifNoneMatch } : {},
  }
  await sendRenderResult({
    req: req as unknown as IncomingMessage,
    res: res as unknown as ServerResponse,
    result: RenderResult.fromStatic(html, 'text/html; charset=utf-8'),
    generateEtags: init.etags ?? true,
    poweredByHeader: false,
    cacheControl: undefined,
  })
  return sent
}

const page = (title: string) =>
  `<!DOCTYPE html><html lang="ja"><body><h1>${title}</h1><p>${'転職エージェントの選び方。'.repeat(500)}</p></body></html>`

describe('cached pages sent by Next (patched)', () => {
  it('sends the page as UTF-8 with its byte length and Next’s own ETag', async () => {
    const html = page('PMOに向いている人')
    const sent = await send(html)
    expect(sent.status).toBe(200)
    expect(Buffer.isBuffer(sent.body)).toBe(true)
    expect((sent.body as Buffer).toString('utf8')).toBe(html)
    // Japanese text is 3 bytes a character: the length is in bytes, not characters
    expect(sent.headers.get('content-length')).toBe(Buffer.byteLength(html))
    expect(sent.headers.get('content-length')).not.toBe(html.length)
    expect(sent.headers.get('etag')).toBe(generateETag(html))
  })

  it('encodes a page once and sends the same bytes to every later reader', async () => {
    const html = page('面接でよく聞かれる質問')
    const first = await send(html)
    const second = await send(html)
    expect(Buffer.isBuffer(first.body)).toBe(true)
    // the very same Buffer: nothing was hashed or encoded again
    expect(second.body).toBe(first.body)
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
  })

  it('answers a returning reader’s conditional request with 304 and no body', async () => {
    const html = page('職務経歴書の書き方')
    const etag = (await send(html)).headers.get('etag') as string
    const again = await send(html, { ifNoneMatch: etag })
    expect(again.status).toBe(304)
    expect(again.body).toBeUndefined()
  })

  it('gives a changed page new bytes and a new ETag, so the old one gets the full page', async () => {
    const before = page('転職のタイミング')
    const oldEtag = (await send(before)).headers.get('etag') as string
    const after = page('転職のタイミング(2026年版)')
    const sent = await send(after, { ifNoneMatch: oldEtag })
    expect(sent.status).toBe(200)
    expect(sent.headers.get('etag')).not.toBe(oldEtag)
    expect((sent.body as Buffer).toString('utf8')).toBe(after)
  })

  it('holds at most 64 MB: the least recently used page is dropped and encoded again', async () => {
    // each ASCII page holds 6 MB (2 MB of bytes + the 4 MB string it is keyed by)
    const big = (n: number) => `<!DOCTYPE html><p>${n}</p>${'x'.repeat(2_000_000)}`
    const noEtag = { etags: false } // (hashing 26 MB of text would only slow the test)
    const first = await send(big(0), noEtag)
    // an equal page built anew (as the route cache does after a restart) is found by its text
    expect((await send(big(0), noEtag)).body).toBe(first.body)
    for (let n = 1; n <= 11; n++) await send(big(n), noEtag)
    const later = await send(big(0), noEtag)
    // (not .not.toBe: on distinct objects it compares 2 MB of bytes one by one for its message)
    expect(later.body === first.body).toBe(false)
    expect((later.body as Buffer).equals(first.body as Buffer)).toBe(true)
  })

  it('answers HEAD with the headers only', async () => {
    const html = page('副業のルール')
    const sent = await send(html, { method: 'HEAD' })
    expect(sent.headers.get('content-length')).toBe(Buffer.byteLength(html))
    expect(sent.body).toBeNull()
  })
})
