// The reader-page cache in front of Next's request handler (scripts/server.ts).
//
// Why this exists, hand-written: a page in Next's route cache is served without rendering, yet
// Next's request pipeline (routing, manifests, AsyncLocalStorage hooks on Node 20) costs about
// twice what a static file does, and the pages that read their query (home, lists, agents,
// search) are rendered on every request. A caching proxy or CDN in front of the server is the
// usual answer; this is the same idea inside the server, kept narrow so that it can never serve
// what Next would not:
//
// - only GET/HEAD of a page listed in lib/publicRoutes.ts (pages that depend on their address
//   only), keyed by its canonical address, never with Next's own headers or `_` parameters
//   (client navigation, prefetch, server actions) and never in draft mode (staff previews);
// - only a 200 HTML or XML answer that set no cookie, and that either was rendered here (its
//   render recorded the cache tags of what it read: lib/pageTags.ts) or came from Next's route
//   cache after such a render (x-nextjs-cache: HIT; never STALE);
// - each entry knows its tags and is dropped when one of them is expired (lib/revalidate.ts,
//   lib/cacheSettle.ts), so an edit to one agent leaves every other page cached; an answer
//   whose render began before one of its tags was expired is never stored;
// - bounded in memory (least recently used out) and in age.
//
// Each stored page is compressed once (brotli and gzip, in the thread pool) instead of on every
// request, answers If-None-Match with 304 as Next does, and carries its tags in a Cache-Tag
// header so that a CDN or proxy in front can be purged by the same tags.
//
// Next internals relied on (listed in the README, checked by tests/e2e/public.e2e.spec.ts):
// the x-nextjs-cache response header, the request headers and `_` parameters of client
// navigation (NEXT_REQUEST_HEADERS), the draft-mode cookies, and Next writing its answer
// through res.write/res.end.
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import fresh from 'fresh'
import { LRUCache } from 'lru-cache'
import Negotiator from 'negotiator'

import { collectPageTags } from './pageTags'
import { canonicalAddress, type CanonicalAddress } from './publicRoutes'

type Encoding = 'br' | 'gzip' | 'identity'

type Headers = Record<string, string | string[] | number>

export type CachedPage = {
  bodies: Record<Encoding, Buffer>
  tags: string[]
  /** the headers of a 200 answer in each encoding, built once when the page is stored */
  answers: Record<Encoding, Headers>
  /** the same, without the body's length and encoding, for a 304 */
  notModified: Record<Encoding, Headers>
}

type Store = {
  pages: LRUCache<string, CachedPage>
  /** tag → keys of the stored pages that carry it */
  byTag: Map<string, Set<string>>
  /** counts expiries; a render records the count it began at */
  seq: number
  /** tag → the count at its last expiry (the newest tags; older ones are below `floor`) */
  expiredAt: LRUCache<string, number>
  /** an answer begun before this count is never stored (expiries were forgotten since) */
  floor: number
  /** key → the tags of the page's renders here, for Next's route-cache hits of it */
  renderedTags: LRUCache<string, Set<string>>
}

export const PAGE_CACHE_MAX_BYTES = 64 * 1024 * 1024
/** a page is kept at most this long even when nothing changed (a safety net, not freshness) */
export const PAGE_CACHE_TTL_MS = 10 * 60_000
/** larger pages are left to Next */
const MAX_PAGE_BYTES = 4 * 1024 * 1024
/** expiries remembered for answers in flight; older ones raise the floor */
const EXPIRIES_KEPT = 100_000
/** addresses whose render tags are remembered (about 200 bytes each) */
const RENDERED_KEPT = 50_000

// One store per process, shared by the server (scripts/server.ts, loaded by tsx) and the copy
// of this module that Next bundles into the app (reached from the collection hooks).
const STORE_KEY = Symbol.for('career-media.page-cache')
function store(): Store {
  const holder = globalThis as typeof globalThis & { [STORE_KEY]?: Store }
  if (holder[STORE_KEY]) return holder[STORE_KEY]
  const s: Store = {
    seq: 0,
    floor: 0,
    byTag: new Map(),
    pages: new LRUCache<string, CachedPage>({
      maxSize: PAGE_CACHE_MAX_BYTES,
      sizeCalculation: (page) =>
        page.bodies.identity.length + page.bodies.gzip.length + page.bodies.br.length,
      ttl: PAGE_CACHE_TTL_MS,
      dispose: (page, key) => {
        for (const tag of page.tags) {
          const keys = s.byTag.get(tag)
          keys?.delete(key)
          if (keys?.size === 0) s.byTag.delete(tag)
        }
      },
    }),
    expiredAt: new LRUCache<string, number>({
      max: EXPIRIES_KEPT,
      dispose: (at) => {
        s.floor = Math.max(s.floor, at)
      },
    }),
    renderedTags: new LRUCache<string, Set<string>>({ max: RENDERED_KEPT }),
  }
  holder[STORE_KEY] = s
  return s
}

/** The tag of a path, for lib/revalidate's revalidatePaths (feed.xml, sitemap.xml). */
export const pathTagOf = (path: string) => `path:${path}`

/**
 * Drops every stored page that carries one of these tags (or is one of these paths), and keeps
 * any answer in flight that read them from being stored. Called when content changes, after
 * Next's own tags are expired (lib/revalidate.ts), and again by lib/cacheSettle.ts.
 */
export function expirePageCache(tags: Iterable<string>, paths: Iterable<string> = []): void {
  const s = store()
  s.seq++
  for (const tag of [...tags, ...[...paths].map(pathTagOf)]) {
    s.expiredAt.set(tag, s.seq)
    const keys = s.byTag.get(tag)
    if (!keys) continue
    for (const key of [...keys]) s.pages.delete(key)
  }
}

/** Forgets everything (tests, tools); nothing begun before is stored. */
export function clearPageCache(): void {
  const s = store()
  s.seq++
  s.floor = s.seq
  s.pages.clear()
  s.byTag.clear()
  s.renderedTags.clear()
}

export const pageCacheSize = () => store().pages.size

/** The tags of the stored page at a canonical key (for tests). */
export const pageCacheTagsOf = (key: string) => store().pages.peek(key)?.tags

// request headers with which Next answers something other than the page's HTML
const NEXT_REQUEST_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-action',
  'next-url',
  'x-prerender-revalidate',
]
const DRAFT_MODE_COOKIE = /(?:^|;\s*)(?:__prerender_bypass|__next_preview_data)=/

/**
 * The canonical address of a request the cache may answer (lib/publicRoutes.ts), or null:
 * other methods, Next's own requests (client navigation, prefetch, server actions), draft mode.
 */
export function pageCacheKey(
  req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>,
): CanonicalAddress | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null
  if (NEXT_REQUEST_HEADERS.some((h) => req.headers[h] !== undefined)) return null
  if (DRAFT_MODE_COOKIE.test(req.headers.cookie ?? '')) return null
  const url = req.url ?? ''
  // the canonical form runs the pages' own parsers (NFKC of search words, review filters):
  // worked out once per address, for the addresses asked for most recently
  let address = addresses.get(url)
  if (address === undefined) addresses.set(url, (address = canonicalAddress(url) ?? false))
  return address || null
}

/** raw address → its canonical form, or false when the page cache never answers it */
const addresses = new LRUCache<string, CanonicalAddress | false>({
  max: 10_000,
  // a URL is at most 8 KB (Node's header limit); most are far shorter
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (_address, url) => url.length + 64,
})

// headers that belong to one response or one representation, set anew on every answer
const PER_RESPONSE = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'etag',
])

// browsers send a handful of Accept-Encoding values: each is negotiated once
const chosen = new Map<string, Encoding | null>()

/** The encoding to send: the client's preference among brotli, gzip and none, brotli first on a tie. */
export function chooseEncoding(req: Pick<IncomingMessage, 'headers'>): Encoding | null {
  const accept = req.headers['accept-encoding']
  const known = accept === undefined ? undefined : chosen.get(accept)
  if (known !== undefined) return known
  const encoding = negotiate(req)
  if (accept !== undefined) {
    if (chosen.size >= 200) chosen.clear()
    chosen.set(accept, encoding)
  }
  return encoding
}

function negotiate(req: Pick<IncomingMessage, 'headers'>): Encoding | null {
  const negotiator = new Negotiator(req) as Negotiator & {
    encodings(available: string[], options: { preferred: string[] }): string[]
  }
  const order: Encoding[] = ['br', 'gzip', 'identity']
  const [best] = negotiator.encodings(order, { preferred: order })
  return (best as Encoding | undefined) ?? null
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/**
 * Answers a request from the page cache when it holds the page: true when answered. The
 * production server calls this before anything a render needs (client address, request
 * tracking, the compression layer), so that a cached page costs only its own answer; the
 * stored headers include the security headers the page was first sent with.
 */
export function answerFromPageCache(req: IncomingMessage, res: ServerResponse): boolean {
  // a request with a body goes the long way, where its length is checked before it is read
  const { 'content-length': length, 'transfer-encoding': chunked } = req.headers
  if (chunked !== undefined || (length !== undefined && length !== '0')) return false
  const address = pageCacheKey(req)
  if (address === null) return false
  if (address.redirect) return redirectTo(address.redirect, res)
  const page = store().pages.get(address.key)
  return page !== undefined && servePage(page, req, res)
}

/** Sends the reader to the tidy form of the address they asked for (a GET form's empty choices). */
function redirectTo(location: string, res: ServerResponse): true {
  res.writeHead(307, { Location: location, 'Cache-Control': 'no-store' })
  res.end()
  return true
}

/**
 * Puts the page cache in front of a request handler (Next's): a cached page is answered here,
 * a cacheable one is passed on at its canonical address and kept if it qualifies, anything else
 * is passed on untouched.
 */
export function withPageCache(handle: Handler): Handler {
  return async (req, res) => {
    const address = pageCacheKey(req)
    if (address === null) return rememberTags(req, res, handle)
    if (address.redirect) return void redirectTo(address.redirect, res)
    const page = store().pages.get(address.key)
    if (page && servePage(page, req, res)) return
    req.url = address.url
    if (req.method !== 'GET') return handle(req, res)
    const tags = new Set<string>()
    capturePage(address, tags, res)
    return collectPageTags(rememberRender(address, tags, res), () => handle(req, res))
  }
}

/**
 * Collects the tags a request's render reads into `tags`, and for a page Next also keeps in its
 * route cache (lib/publicRoutes.ts) remembers them for the route-cache hits of that page that
 * follow: Next serves those without rendering, and the render that filled its route cache may
 * have been another request's (a prefetch, which Next completes even when the browser is gone).
 * Remembered once the request ends with a 200 or is cut off (its render may go on, and what it
 * reads after that is added); never for a 404 or an error. Tags are added to what earlier
 * renders read: one too many only costs an extra expiry.
 */
function rememberRender(address: CanonicalAddress, tags: Set<string>, res: ServerResponse) {
  let remembering = false
  const remember = (recorded: Iterable<string>) => {
    const s = store()
    let known = s.renderedTags.get(address.key)
    if (!known) s.renderedTags.set(address.key, (known = new Set()))
    for (const tag of recorded) known.add(tag)
  }
  if (address.route.routeCache) {
    res.once('close', () => {
      if (res.writableFinished && res.statusCode !== 200) return
      remembering = true
      if (tags.size > 0) remember(tags)
    })
  }
  return (recorded: readonly string[]) => {
    for (const tag of recorded) tags.add(tag)
    if (remembering) remember(recorded)
  }
}

/**
 * A client navigation or prefetch of a public page (Next's headers or `_` parameters) is left to
 * Next, but it may be the render that fills Next's route cache for that page: its tags are
 * remembered, so that the route-cache hits of the page that follow can be kept.
 */
function rememberTags(req: IncomingMessage, res: ServerResponse, handle: Handler) {
  // (a request with a draft-mode cookie too: a stale or forged one renders the public page)
  const page = req.method === 'GET' ? canonicalAddress(req.url ?? '', true) : null
  if (!page?.route.routeCache) return handle(req, res)
  return collectPageTags(rememberRender(page, new Set(), res), () => handle(req, res))
}

/** Answers with the cached page; false when the client accepts none of its encodings. */
function servePage(page: CachedPage, req: IncomingMessage, res: ServerResponse): boolean {
  const encoding = chooseEncoding(req)
  if (!encoding) return false // nothing acceptable: Next answers as it would
  const answer = page.answers[encoding]
  const etag = answer['etag']
  if (typeof etag === 'string' && req.headers['if-none-match'] && fresh(req.headers, { etag })) {
    res.writeHead(304, page.notModified[encoding])
    res.end()
    return true
  }
  res.writeHead(200, answer)
  res.end(req.method === 'HEAD' ? undefined : page.bodies[encoding])
  return true
}

/**
 * The headers of each stored representation: Next's (with the security headers the server
 * sent), marked as a page-cache answer with its tags, varying by Accept-Encoding, and, like
 * nginx, the weak form of the page's ETag on a compressed copy.
 */
function answersOf(
  headers: Record<string, string | string[]>,
  etag: string,
  tags: string[],
  bodies: Record<Encoding, Buffer>,
): Pick<CachedPage, 'answers' | 'notModified'> {
  const vary = String(headers['vary'] ?? '')
  const common: Headers = {
    ...headers,
    'x-page-cache': 'HIT',
    'cache-tag': tags.join(','),
    vary: /\baccept-encoding\b/i.test(vary)
      ? vary
      : vary
        ? `${vary}, Accept-Encoding`
        : 'Accept-Encoding',
  }
  const answers = {} as CachedPage['answers']
  const notModified = {} as CachedPage['notModified']
  for (const encoding of ['br', 'gzip', 'identity'] as const) {
    notModified[encoding] = { ...common, etag: encoding === 'identity' ? etag : `W/${etag}` }
    answers[encoding] = {
      ...notModified[encoding],
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
      'content-length': bodies[encoding].length,
    }
  }
  return { answers, notModified }
}

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

/**
 * Brotli's quality for stored copies. Measured on an agent page of 175 KB: quality 6 takes
 * 2.2 ms for 17.2 KB, 9 takes 81 ms for 16.7 KB (and 11, 133 ms). At 9 the compression of each
 * newly stored page ran beside the next render on a 2-core machine and doubled it (the busiest
 * agent's review pages, one after another: p50 85 ms at 9, 43 ms with the compression out of
 * the way); 3 % more bytes cost a reader less than that.
 */
const STORED_BROTLI_QUALITY = 6

/** What a stored page may be: the site's pages, its feed and its sitemap. */
const STORED_TYPES = /^(?:text\/html|application\/(?:rss\+)?xml|text\/xml)\b/

/** Whether an answer in flight since `began` may be stored under these tags. */
function stillFresh(s: Store, began: number, tags: Iterable<string>): boolean {
  if (began < s.floor) return false
  for (const tag of tags) if ((s.expiredAt.get(tag) ?? 0) > began) return false
  return true
}

/**
 * Keeps the page if it qualifies (see the top of this file). Next writes it unencoded (its own
 * compression is off); the compression outside this cache (lib/compressResponses) encodes this
 * first answer after the bytes are seen here, and the stored copies are compressed once below
 * for every later reader.
 */
function capturePage(address: CanonicalAddress, rendered: Set<string>, res: ServerResponse): void {
  const s = store()
  const began = s.seq

  const chunks: Buffer[] = []
  let size = 0
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (size > MAX_PAGE_BYTES || chunk == null || typeof chunk === 'function') return
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array)
    size += buffer.length
    chunks.push(buffer)
  }
  const write = res.write
  const end = res.end
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0])
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest)
  } as ServerResponse['write']
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0])
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest)
  } as ServerResponse['end']

  res.once('finish', () => {
    const nextCache = res.getHeader('x-nextjs-cache')
    if (
      res.statusCode !== 200 ||
      (nextCache !== undefined && nextCache !== 'HIT' && nextCache !== 'MISS') ||
      res.getHeader('set-cookie') !== undefined ||
      !STORED_TYPES.test(String(res.getHeader('content-type') ?? '')) ||
      size === 0 ||
      size > MAX_PAGE_BYTES
    )
      return
    const { key } = address
    // a render here tells its tags; a route-cache hit has those of the render that stored it
    let tags: string[] | undefined
    if (rendered.size > 0) {
      tags = [...rendered].sort()
    } else if (nextCache === 'HIT') {
      const known = s.renderedTags.get(key)
      if (known && known.size > 0) tags = [...known].sort()
    }
    if (!tags) return // nothing says what would make it stale: left to Next
    tags = [...tags, pathTagOf(key.split('?', 1)[0]!)]
    if (!stillFresh(s, began, tags)) return
    const identity = Buffer.concat(chunks)
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (value === undefined || PER_RESPONSE.has(name)) continue
      headers[name] = Array.isArray(value) ? value : String(value)
    }
    // what later readers get is a cached copy, whether or not this answer was rendered
    if (nextCache !== undefined) headers['x-nextjs-cache'] = 'HIT'
    const nextEtag = res.getHeader('etag')
    // a rendered page has no ETag from Next; one from its bytes lets readers revalidate it
    const etag =
      typeof nextEtag === 'string'
        ? nextEtag
        : `"${createHash('sha1').update(identity).digest('base64url').slice(0, 20)}"`
    const stored = tags
    void Promise.all([
      brotli(identity, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: STORED_BROTLI_QUALITY },
      }),
      gzip(identity, { level: 9 }),
    ]).then(
      ([br, gz]) => {
        // a change published while compressing made this copy stale
        if (!stillFresh(s, began, stored)) return
        const bodies = { identity, gzip: gz, br }
        s.pages.set(key, { bodies, tags: stored, ...answersOf(headers, etag, stored, bodies) })
        for (const tag of stored) {
          let keys = s.byTag.get(tag)
          if (!keys) s.byTag.set(tag, (keys = new Set()))
          keys.add(key)
        }
      },
      () => undefined, // not kept; Next keeps answering
    )
  })
}
