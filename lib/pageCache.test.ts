import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  chooseEncoding,
  clearPageCache,
  expirePageCache,
  pageCacheKey,
  pageCacheSize,
  pageCacheTagsOf,
  withPageCache,
} from './pageCache'
import { recordPageTags } from './pageTags'
import { withCompression } from './compressResponses'

// A stand-in for Next's handler behind the cache, wired as scripts/server.ts wires it
// (compression outside, the page cache inside): it answers each page with what the test sets
// for it (status, route-cache header, cookie, body), and a render records the cache tags of
// what it read, as the site's getters do (lib/cache.ts). `tags: []` is a route-cache hit that
// rendered nothing; `cache: null` a dynamic page (no x-nextjs-cache header).
type NextAnswer = {
  status?: number
  cache?: 'HIT' | 'MISS' | 'STALE' | null
  cookie?: boolean
  html: string
  tags?: string[]
}
const answers = new Map<string, NextAnswer>()
const nextCalls: { url: string; acceptEncoding: string | undefined }[] = []
let holdNext: Promise<void> | null = null

const next = withCompression(
  withPageCache(async (req, res) => {
    nextCalls.push({ url: req.url ?? '', acceptEncoding: req.headers['accept-encoding'] })
    // the answer as of the request's arrival (Next read its route cache), sent maybe later
    const answer = answers.get((req.url ?? '').split('?')[0]) ?? { status: 404, html: 'not found' }
    if (holdNext) await holdNext
    recordPageTags(answer.tags ?? ['article:test'])
    res.statusCode = answer.status ?? 200
    res.setHeader('content-type', 'text/html; charset=utf-8')
    // Next gives an ETag to pages from its route cache, not to dynamic ones
    if (answer.cache !== null) {
      res.setHeader('x-nextjs-cache', answer.cache ?? 'HIT')
      res.setHeader('etag', `"${answer.html.length.toString(36)}"`)
    }
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

  const key = (url: string, headers: http.IncomingHttpHeaders = {}, method = 'GET') =>
    pageCacheKey(req(url, headers, method))?.key ?? null

  it('public pages read with GET or HEAD, keyed by their canonical address', () => {
    expect(key('/articles/pmo-suited-person')).toBe('/articles/pmo-suited-person')
    expect(key('/articles/pmo-suited-person', {}, 'HEAD')).toBe('/articles/pmo-suited-person')
    // campaign tags are not part of the page
    expect(key('/articles/pmo?utm_source=x&utm_medium=social')).toBe('/articles/pmo')
    for (const url of ['/', '/agents', '/about', '/feed.xml', '/sitemap.xml', '/agents/a/review']) {
      expect(key(url), url).toBe(url)
    }
    // the order of parameters, defaults and unknown ones do not make another page
    expect(key('/agents/michibiki?sort=helpful&age=30s&utm_source=x')).toBe(
      key('/agents/michibiki?age=30s&sort=helpful'),
    )
    expect(key('/agents/michibiki?sort=newest&page=1')).toBe('/agents/michibiki')
    expect(key('/agents/michibiki?sort=no-such-sort&age=999')).toBe('/agents/michibiki')
    expect(key('/?page=1&fbclid=abc')).toBe('/')
    expect(key('/categories/career?page=2&gclid=x')).toBe('/categories/career?page=2')
    // the search words as the search page reads them (NFKC, spaces folded)
    expect(key('/search?q=%EF%BC%B0%EF%BC%AD%EF%BC%AF%E3%80%80%20%E5%B9%B4%E5%8F%8E&ref=top')).toBe(
      `/search?q=${encodeURIComponent('PMO 年収').replace('%20', '+')}`,
    )
    expect(key('/search?page=3')).toBe('/search')
    // a comparison: one key per set of agents, whatever the order
    expect(key('/agents/compare?agents=michibiki,freelance-port&utm_source=x')).toBe(
      '/agents/compare?agents=freelance-port,michibiki',
    )
    expect(key('/agents/compare')).toBe('/agents/compare')
    // a review's own page, by a SQLite or a MongoDB id
    expect(key('/agents/michibiki/reviews/12?utm_source=x')).toBe('/agents/michibiki/reviews/12')
    expect(key('/agents/michibiki/reviews/65f0c2a1b3d4e5f607182930')).toBe(
      '/agents/michibiki/reviews/65f0c2a1b3d4e5f607182930',
    )
  })

  it('the address Next renders is the canonical one, unless the page will refuse it', () => {
    const address = pageCacheKey(req('/agents/michibiki?utm_source=x&sort=helpful'))
    expect(address?.url).toBe('/agents/michibiki?sort=helpful')
    // a page number the page answers 404 for goes to Next as it came (and is never kept)
    expect(pageCacheKey(req('/categories/career?page=abc&x=1'))?.url).toBe(
      '/categories/career?page=abc&x=1',
    )
  })

  it('nothing else: other pages, other methods, Next’s own requests, draft mode', () => {
    for (const url of [
      '/admin',
      '/api/articles',
      '/go/michibiki',
      '/articles/',
      '/articles/a/b',
      '/articles/Ab',
      '/preview',
      '/agents/a/b',
      '/agents/a/reviews/',
      '/agents/a/reviews/1/2',
      '/agents/a/reviews/%2e%2e',
    ]) {
      expect(key(url), url).toBeNull()
    }
    expect(key('/articles/pmo', {}, 'POST')).toBeNull()
    expect(key('/agents/michibiki', {}, 'POST')).toBeNull()
    expect(key('/articles/pmo?_rsc=1')).toBeNull()
    expect(key('/articles/pmo?__nextDataReq=1')).toBeNull()
    expect(key('/articles/pmo', { rsc: '1' })).toBeNull()
    expect(key('/', { 'next-router-prefetch': '1' })).toBeNull()
    expect(key('/agents/michibiki', { 'next-action': 'abc' })).toBeNull()
    expect(key('/articles/pmo', { cookie: 'theme=dark; __prerender_bypass=x' })).toBeNull()
    // an unrelated cookie does not matter
    expect(key('/articles/pmo', { cookie: 'theme=dark' })).toBe('/articles/pmo')
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

  it('keeps rendered pages (dynamic or a first ISR render), with their tags in Cache-Tag', async () => {
    answers.set('/agents/michibiki', {
      html: article('みちびきエージェントの評判'),
      cache: null,
      tags: ['agent:michibiki', 'settings'],
    })
    answers.set('/articles/first', { html: article('初めての転職'), cache: 'MISS' })
    const first = await get('/agents/michibiki')
    expect(first.headers['etag']).toBeUndefined()
    const cached = await untilCached('/agents/michibiki')
    expect(cached.body.toString('utf8')).toBe(answers.get('/agents/michibiki')!.html)
    expect(cached.headers['cache-tag']).toBe('agent:michibiki,settings,path:/agents/michibiki')
    // Next gives a rendered page no ETag; the stored one has one, so readers can revalidate
    expect(cached.headers['etag']).toMatch(/^"[\w-]{20}"$/)
    expect(
      (await get('/agents/michibiki', { 'if-none-match': cached.headers['etag']! })).status,
    ).toBe(304)
    await untilCached('/articles/first')
    expect(pageCacheTagsOf('/articles/first')).toEqual(['article:test', 'path:/articles/first'])
  })

  it('never keeps a failed, stale, cookie-setting or untagged answer', async () => {
    answers.set('/articles/stale', { html: article('a'), cache: 'STALE' })
    answers.set('/articles/gone', { html: article('b'), status: 404 })
    answers.set('/articles/cookie', { html: article('c'), cookie: true })
    // a route-cache hit with no render of it here: nothing says which changes would stale it
    answers.set('/articles/unknown', { html: article('d'), tags: [] })
    for (const path of [
      '/articles/stale',
      '/articles/gone',
      '/articles/cookie',
      '/articles/unknown',
    ]) {
      for (let i = 0; i < 3; i++) await get(path)
      await new Promise((r) => setTimeout(r, 50))
      expect((await get(path)).headers['x-page-cache'], path).toBeUndefined()
    }
    expect(pageCacheSize()).toBe(0)
  })

  it('a route-cache hit is kept under the tags of the page’s last render here', async () => {
    answers.set('/articles/isr', { html: article('ISR'), cache: 'MISS', tags: ['article:isr'] })
    await untilCached('/articles/isr')
    expirePageCache(['article:isr'])
    // Next now answers from its route cache without rendering
    answers.set('/articles/isr', { html: article('ISR'), cache: 'HIT', tags: [] })
    await untilCached('/articles/isr')
    expect(pageCacheTagsOf('/articles/isr')).toEqual(['article:isr', 'path:/articles/isr'])
  })

  it('a client navigation that rendered the page gives its tags to the route-cache hits after it', async () => {
    // a prefetch or client navigation renders the page into Next's route cache
    answers.set('/articles/nav', { html: 'RSC', cache: 'MISS', tags: ['article:nav'] })
    await get('/articles/nav?_rsc=1', { rsc: '1' })
    expect(pageCacheSize()).toBe(0)
    // readers then get Next's route-cache copy, which renders nothing
    answers.set('/articles/nav', { html: article('ナビ'), cache: 'HIT', tags: [] })
    await untilCached('/articles/nav')
    expect(pageCacheTagsOf('/articles/nav')).toEqual(['article:nav', 'path:/articles/nav'])
  })

  it('a prefetch cut off by the browser still gives the render’s tags to the hits after it', async () => {
    let release = () => {}
    holdNext = new Promise<void>((r) => (release = r))
    answers.set('/articles/cut', { html: 'RSC', cache: 'MISS', tags: ['article:cut'] })
    // the browser leaves before Next has finished rendering the page for its route cache
    const prefetch = http.get(`${origin}/articles/cut?_rsc=1`, { headers: { rsc: '1' } })
    prefetch.on('error', () => undefined)
    await new Promise((r) => setTimeout(r, 20))
    prefetch.destroy()
    await new Promise((r) => setTimeout(r, 20))
    release()
    holdNext = null
    await new Promise((r) => setTimeout(r, 20))
    answers.set('/articles/cut', { html: article('途中'), cache: 'HIT', tags: [] })
    await untilCached('/articles/cut')
    expect(pageCacheTagsOf('/articles/cut')).toEqual(['article:cut', 'path:/articles/cut'])
  })

  it('addresses that differ only in order, defaults or unknown parameters share one entry', async () => {
    answers.set('/agents/michibiki', { html: article('口コミ'), cache: null })
    await untilCached('/agents/michibiki?age=30s&sort=helpful')
    const calls = nextCalls.length
    for (const url of [
      '/agents/michibiki?sort=helpful&age=30s',
      '/agents/michibiki?age=30s&utm_source=news&sort=helpful',
    ]) {
      expect((await get(url)).headers['x-page-cache'], url).toBe('HIT')
    }
    // what a plain filter form sends with 「すべて」 left chosen is sent to its tidy address,
    // the campaign tags kept for the reader's own address bar
    const untidy = await get(
      '/agents/michibiki?age=30s&gender=&utm_source=news&sort=helpful&page=1',
    )
    expect(untidy.status).toBe(307)
    expect(untidy.headers.location).toBe('/agents/michibiki?age=30s&sort=helpful&utm_source=news')
    expect(nextCalls.length).toBe(calls)
    // Next rendered the canonical address, without the reader's campaign tags
    expect(nextCalls.map((c) => c.url)).toContain('/agents/michibiki?age=30s&sort=helpful')
    expect(nextCalls.some((c) => c.url.includes('utm_source'))).toBe(false)
    expect((await get('/agents/michibiki?sort=lowest')).headers['x-page-cache']).toBeUndefined()
    // a comparison picked in another order, or as the picker's form sends it, likewise
    for (const [url, tidy] of [
      [
        '/agents/compare?agents=michibiki&agents=freelance-port',
        '/agents/compare?agents=freelance-port,michibiki',
      ],
      [
        '/agents/compare?agents=michibiki,freelance-port&utm_source=x',
        '/agents/compare?agents=freelance-port,michibiki&utm_source=x',
      ],
    ]) {
      const res = await get(url!)
      expect(res.status, url).toBe(307)
      expect(res.headers.location, url).toBe(tidy)
    }
  })

  it('a change drops the pages that read what changed, and only those', async () => {
    answers.set('/agents/michibiki', { html: article('A'), cache: null, tags: ['agent:michibiki'] })
    answers.set('/agents/other', { html: article('B'), cache: null, tags: ['agent:other'] })
    answers.set('/', { html: article('C'), cache: null, tags: ['agent-lists', 'article-lists'] })
    for (const path of ['/agents/michibiki', '/agents/other', '/']) await untilCached(path)
    expirePageCache(['agent:michibiki', 'agent-lists'])
    expect((await get('/agents/michibiki')).headers['x-page-cache']).toBeUndefined()
    expect((await get('/')).headers['x-page-cache']).toBeUndefined()
    expect((await get('/agents/other')).headers['x-page-cache']).toBe('HIT')
    // a path expiry (feed, sitemap) drops that path
    expirePageCache([], ['/agents/other'])
    expect((await get('/agents/other')).headers['x-page-cache']).toBeUndefined()
  })

  it('never keeps a page begun before a change to what it read', async () => {
    answers.set('/articles/timing', { html: article('転職のタイミング'), tags: ['article:timing'] })
    answers.set('/articles/other', { html: article('別の記事'), tags: ['article:other'] })
    await untilCached('/articles/timing')

    // an editor publishes a change while Next is still answering earlier requests
    let release = () => {}
    holdNext = new Promise<void>((r) => (release = r))
    expirePageCache(['article:timing'])
    const inFlight = get('/articles/timing')
    const otherInFlight = get('/articles/other')
    await new Promise((r) => setTimeout(r, 20))
    answers.set('/articles/timing', {
      html: article('転職のタイミング(改訂)'),
      tags: ['article:timing'],
    })
    expirePageCache(['article:timing']) // lib/revalidate.ts, after Next's tags expired
    release()
    expect((await inFlight).body.toString('utf8')).toContain('転職のタイミング</h1>')
    await otherInFlight
    holdNext = null
    await new Promise((r) => setTimeout(r, 50))
    // the old page was not kept: the next reader gets the revised one
    const next = await get('/articles/timing')
    expect(next.headers['x-page-cache']).toBeUndefined()
    expect(next.body.toString('utf8')).toContain('(改訂)')
    expect((await untilCached('/articles/timing')).body.toString('utf8')).toContain('(改訂)')
    // the page that read nothing that changed was kept
    expect(pageCacheTagsOf('/articles/other')).toEqual(['article:other', 'path:/articles/other'])
  })
})
