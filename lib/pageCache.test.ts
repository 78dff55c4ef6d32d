import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  chooseEncoding,
  clearPageCache,
  pageCacheKey,
  pageCacheSize,
  withPageCache,
} from './pageCache'
import { withCompression } from './compressResponses'

// A stand-in for Next's handler behind the cache, wired as scripts/server.ts wires it
// (compression outside, the page cache inside): it answers each article with what the test sets for it (status, route-cache header,
// cookie, body).
type NextAnswer = { status?: number; cache?: 'HIT' | 'MISS'; cookie?: boolean; html: string }
const answers = new Map<string, NextAnswer>()
const nextCalls: { url: string; acceptEncoding: string | undefined }[] = []
let holdNext: Promise<void> | null = null

const next = withCompression(
  withPageCache(async (req, res) => {
    nextCalls.push({ url: req.url ?? '', acceptEncoding: req.headers['accept-encoding'] })
    // the answer as of the request's arrival (Next read its route cache), sent maybe later
    const answer = answers.get((req.url ?? '').split('?')[0]) ?? { status: 404, html: 'not found' }
    if (holdNext) await holdNext
    res.statusCode = answer.status ?? 200
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.setHeader('x-nextjs-cache', answer.cache ?? 'HIT')
    res.setHeader('etag', `"${answer.html.length.toString(36)}"`)
    res.setHeader('cache-control', 's-maxage=31536000')
    res.setHeader('vary', 'rsc, Accept-Encoding')
    if (answer.cookie) res.setHeader('set-cookie', 'a=b')
    res.end(answer.html)
  }),
)
const server = http.createServer((req, res) => void next(req, res))
let origin = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => {
  clearPageCache()
  answers.clear()
  nextCalls.length = 0
  holdNext = null
})

/** Raw GET (no decoding), so that encodings and lengths are what the server sent. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .request(`${origin}${path}`, { method, headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          )
        })
        .on('error', reject)
        .end()
    },
  )
}

/** Asks until the page comes from the cache (it is compressed in the thread pool first). */
async function untilCached(path: string) {
  for (let i = 0; i < 100; i++) {
    const res = await get(path)
    if (res.headers['x-page-cache'] === 'HIT') return res
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`${path} never came from the cache`)
}

const article = (title: string) =>
  `<!DOCTYPE html><html lang="ja"><body><h1>${title}</h1>${'<p>転職エージェントの選び方</p>'.repeat(300)}</body></html>`

describe('which requests the page cache may answer', () => {
  const req = (url: string, headers: http.IncomingHttpHeaders = {}, method = 'GET') => ({
    url,
    headers,
    method,
  })

  it('article pages read with GET or HEAD, campaign parameters allowed', () => {
    expect(pageCacheKey(req('/articles/pmo-suited-person'))).toBe('/articles/pmo-suited-person')
    expect(pageCacheKey(req('/articles/pmo-suited-person', {}, 'HEAD'))).toBe(
      '/articles/pmo-suited-person',
    )
    expect(pageCacheKey(req('/articles/pmo?utm_source=x&utm_medium=social'))).toBe('/articles/pmo')
  })

  it('nothing else: other pages, other methods, Next’s own requests, draft mode', () => {
    for (const url of ['/', '/agents/michibiki', '/articles/', '/articles/a/b', '/articles/Ab']) {
      expect(pageCacheKey(req(url)), url).toBeNull()
    }
    expect(pageCacheKey(req('/articles/pmo', {}, 'POST'))).toBeNull()
    expect(pageCacheKey(req('/articles/pmo?_rsc=1'))).toBeNull()
    expect(pageCacheKey(req('/articles/pmo?__nextDataReq=1'))).toBeNull()
    expect(pageCacheKey(req('/articles/pmo', { rsc: '1' }))).toBeNull()
    expect(pageCacheKey(req('/articles/pmo', { 'next-router-prefetch': '1' }))).toBeNull()
    expect(pageCacheKey(req('/articles/pmo', { 'next-action': 'abc' }))).toBeNull()
    expect(
      pageCacheKey(req('/articles/pmo', { cookie: 'theme=dark; __prerender_bypass=x' })),
    ).toBeNull()
    // an unrelated cookie does not matter
    expect(pageCacheKey(req('/articles/pmo', { cookie: 'theme=dark' }))).toBe('/articles/pmo')
  })

  it('chooses brotli, then gzip, as the reader’s browser allows', () => {
    const enc = (value?: string) =>
      chooseEncoding({ headers: value === undefined ? {} : { 'accept-encoding': value } })
    expect(enc('gzip, deflate, br, zstd')).toBe('br')
    expect(enc('gzip')).toBe('gzip')
    expect(enc('br;q=0, gzip;q=0.5')).toBe('gzip')
    expect(enc(undefined)).toBe('identity')
    expect(enc('identity;q=0')).toBeNull()
  })
})

describe('the page cache in front of Next', () => {
  it('keeps a page Next served from its route cache and sends it byte for byte', async () => {
    const html = article('PMOに向いている人')
    answers.set('/articles/pmo', { html })
    const first = await get('/articles/pmo', { 'accept-encoding': 'gzip, br' })
    expect(first.headers['x-page-cache']).toBeUndefined()
    // the first reader gets Next's answer compressed as asked, not the plain page
    expect(first.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(first.body).toString('utf8')).toBe(html)
    const cached = await untilCached('/articles/pmo')
    expect(cached.body.toString('utf8')).toBe(html)
    expect(Number(cached.headers['content-length'])).toBe(Buffer.byteLength(html))
    expect(cached.headers['etag']).toBe(first.headers['etag'])
    expect(cached.headers['cache-control']).toBe('s-maxage=31536000')
    expect(cached.headers['x-nextjs-cache']).toBe('HIT')
    const calls = nextCalls.length
    await get('/articles/pmo')
    expect(nextCalls.length).toBe(calls)
  })

  it('sends brotli or gzip as asked, each decoding to the page, with Vary and a weak ETag', async () => {
    const html = article('職務経歴書の書き方')
    answers.set('/articles/resume', { html })
    await get('/articles/resume')
    const plain = await untilCached('/articles/resume')
    const br = await get('/articles/resume', { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(br.body).toString('utf8')).toBe(html)
    expect(br.headers['vary']).toBe('rsc, Accept-Encoding')
    expect(br.headers['etag']).toBe(`W/${plain.headers['etag']}`)
    const gz = await get('/articles/resume', { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.body).toString('utf8')).toBe(html)
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length)
    expect(gz.body.length).toBeLessThan(Buffer.byteLength(html) / 4)
  })

  it('answers a conditional request with 304, and HEAD with the headers only', async () => {
    answers.set('/articles/faq', { html: article('よくある質問') })
    await get('/articles/faq')
    const cached = await untilCached('/articles/faq')
    const etag = String(cached.headers['etag'])
    const again = await get('/articles/faq', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    const gzipAgain = await get('/articles/faq', {
      'if-none-match': `W/${etag}`,
      'accept-encoding': 'gzip',
    })
    expect(gzipAgain.status).toBe(304)
    const head = await get('/articles/faq', {}, 'HEAD')
    expect(head.headers['x-page-cache']).toBe('HIT')
    expect(Number(head.headers['content-length'])).toBe(cached.body.length)
    expect(head.body.length).toBe(0)
  })

  it('never keeps a rendered (MISS), failed or cookie-setting answer', async () => {
    answers.set('/articles/miss', { html: article('a'), cache: 'MISS' })
    answers.set('/articles/gone', { html: article('b'), status: 404 })
    answers.set('/articles/cookie', { html: article('c'), cookie: true })
    for (const path of ['/articles/miss', '/articles/gone', '/articles/cookie']) {
      for (let i = 0; i < 3; i++) await get(path)
      await new Promise((r) => setTimeout(r, 50))
      expect((await get(path)).headers['x-page-cache'], path).toBeUndefined()
    }
    expect(pageCacheSize()).toBe(0)
  })

  it('forgets everything when content changes, and never keeps a page begun before the change', async () => {
    answers.set('/articles/timing', { html: article('転職のタイミング') })
    await get('/articles/timing')
    await untilCached('/articles/timing')

    // an editor publishes a change while Next is still answering an earlier request
    let release = () => {}
    holdNext = new Promise<void>((r) => (release = r))
    clearPageCache()
    const inFlight = get('/articles/timing')
    await new Promise((r) => setTimeout(r, 20))
    answers.set('/articles/timing', { html: article('転職のタイミング(改訂)') })
    clearPageCache() // lib/revalidate.ts, after Next's tags expired
    release()
    expect((await inFlight).body.toString('utf8')).toContain('転職のタイミング</h1>')
    holdNext = null
    await new Promise((r) => setTimeout(r, 50))
    // the old page was not kept: the next reader gets the revised one
    const next = await get('/articles/timing')
    expect(next.headers['x-page-cache']).toBeUndefined()
    expect(next.body.toString('utf8')).toContain('(改訂)')
    expect((await untilCached('/articles/timing')).body.toString('utf8')).toContain('(改訂)')
  })
})
