// The reader-page cache in front of Next's request handler (scripts/server.ts).
//
// Why this exists, hand-written: an article in Next's route cache is served without rendering,
// yet Next's request pipeline (routing, manifests, AsyncLocalStorage hooks on Node 20) costs
// about twice what a static file does. A caching proxy or CDN in front of the server is the
// usual answer; this is the same idea inside the server, kept narrow so that it can never serve
// what Next would not:
//
// - only GET/HEAD of an article address, never with Next's own headers or `_` parameters
//   (client navigation, prefetch, server actions) and never in draft mode (staff previews);
// - only a page Next itself has just served from its route cache (`x-nextjs-cache: HIT`,
//   200, HTML, no cookie set), stored byte for byte with Next's headers;
// - emptied by lib/revalidate.ts whenever content changes expire Next's cache tags, and a
//   response that started before such a change is never stored (generation counter);
// - bounded in memory (least recently used out) and in age.
//
// Each stored page is compressed once (brotli and gzip, in the thread pool) instead of on every
// request, and answers If-None-Match with 304 as Next does.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import fresh from 'fresh'
import { LRUCache } from 'lru-cache'
import Negotiator from 'negotiator'

type Encoding = 'br' | 'gzip' | 'identity'

export type CachedPage = {
  /** Next's response headers, without the ones that depend on the representation */
  headers: Record<string, string | string[]>
  etag: string | undefined
  bodies: Record<Encoding, Buffer>
}

type Store = { pages: LRUCache<string, CachedPage>; generation: number }

export const PAGE_CACHE_MAX_BYTES = 64 * 1024 * 1024
/** a page is kept at most this long even when nothing changed (a safety net, not freshness) */
export const PAGE_CACHE_TTL_MS = 10 * 60_000
/** larger pages are left to Next */
const MAX_PAGE_BYTES = 4 * 1024 * 1024

// One store per process, shared by the server (scripts/server.ts, loaded by tsx) and the copy
// of this module that Next bundles into the app (reached from the collection hooks).
const STORE_KEY = Symbol.for('career-media.page-cache')
function store(): Store {
  const holder = globalThis as typeof globalThis & { [STORE_KEY]?: Store }
  holder[STORE_KEY] ??= {
    generation: 0,
    pages: new LRUCache<string, CachedPage>({
      maxSize: PAGE_CACHE_MAX_BYTES,
      sizeCalculation: (page) =>
        page.bodies.identity.length + page.bodies.gzip.length + page.bodies.br.length,
      ttl: PAGE_CACHE_TTL_MS,
    }),
  }
  return holder[STORE_KEY]
}

/** Empties the cache; called after Next's cache tags are expired (lib/revalidate.ts). */
export function clearPageCache(): void {
  const s = store()
  s.generation++
  s.pages.clear()
}

export const pageCacheSize = () => store().pages.size

const ARTICLE_PATH = /^\/articles\/[a-z0-9]+(?:-[a-z0-9]+)*$/
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
 * The cache key of a request the cache may answer: the article's path. Query parameters
 * (campaign tags on shared links) do not change an article page, but Next's own (`_rsc` and
 * the like, all starting with `_`) do, so those go to Next.
 */
export function pageCacheKey(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null
  const [pathname, query] = (req.url ?? '').split('?', 2) as [string, string | undefined]
  if (!ARTICLE_PATH.test(pathname)) return null
  if (query !== undefined && [...new URLSearchParams(query).keys()].some((k) => !/^[a-z]/i.test(k)))
    return null
  if (NEXT_REQUEST_HEADERS.some((h) => req.headers[h] !== undefined)) return null
  if (DRAFT_MODE_COOKIE.test(req.headers.cookie ?? '')) return null
  return pathname
}

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

/** The encoding to send: the client's preference among brotli, gzip and none, brotli first on a tie. */
export function chooseEncoding(req: Pick<IncomingMessage, 'headers'>): Encoding | null {
  const negotiator = new Negotiator(req) as Negotiator & {
    encodings(available: string[], options: { preferred: string[] }): string[]
  }
  const order: Encoding[] = ['br', 'gzip', 'identity']
  const [best] = negotiator.encodings(order, { preferred: order })
  return (best as Encoding | undefined) ?? null
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/**
 * Puts the page cache in front of a request handler (Next's): a cached page is answered here,
 * a cacheable one is passed on and kept if Next served it from its route cache, anything else
 * is passed on untouched.
 */
export function withPageCache(handle: Handler): Handler {
  return async (req, res) => {
    const key = pageCacheKey(req)
    if (key === null) return handle(req, res)
    const page = store().pages.get(key)
    if (page && servePage(page, req, res)) return
    if (req.method === 'GET') capturePage(key, req, res)
    return handle(req, res)
  }
}

/** Answers with the cached page; false when the client accepts none of its encodings. */
function servePage(page: CachedPage, req: IncomingMessage, res: ServerResponse): boolean {
  const encoding = chooseEncoding(req)
  if (!encoding) return false // nothing acceptable: Next answers as it would
  // like nginx, a compressed copy carries the weak form of the page's ETag
  const etag = page.etag && encoding !== 'identity' ? `W/${page.etag}` : page.etag
  const headers: Record<string, string | string[] | number> = {
    ...page.headers,
    'x-page-cache': 'HIT',
  }
  if (etag) headers['etag'] = etag
  const vary = String(headers['vary'] ?? '')
  if (!/\baccept-encoding\b/i.test(vary))
    headers['vary'] = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding'
  if (etag && fresh(req.headers, { etag })) {
    res.writeHead(304, headers)
    res.end()
    return true
  }
  const body = page.bodies[encoding]
  if (encoding !== 'identity') headers['content-encoding'] = encoding
  headers['content-length'] = body.length
  res.writeHead(200, headers)
  res.end(req.method === 'HEAD' ? undefined : body)
  return true
}

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

/**
 * Keeps the page if Next served it from its route cache. Next writes it unencoded (its own
 * compression is off); the compression outside this cache (lib/compressResponses) encodes
 * this first answer after the bytes are seen here, and the stored copies are compressed once
 * below for every later reader.
 */
function capturePage(key: string, req: IncomingMessage, res: ServerResponse): void {
  const s = store()
  const generation = s.generation

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
    if (
      res.statusCode !== 200 ||
      res.getHeader('x-nextjs-cache') !== 'HIT' ||
      res.getHeader('set-cookie') !== undefined ||
      !String(res.getHeader('content-type') ?? '').startsWith('text/html') ||
      size === 0 ||
      size > MAX_PAGE_BYTES ||
      s.generation !== generation
    )
      return
    const identity = Buffer.concat(chunks)
    const headers: CachedPage['headers'] = {}
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (value === undefined || PER_RESPONSE.has(name)) continue
      headers[name] = Array.isArray(value) ? value : String(value)
    }
    const etag = res.getHeader('etag')
    void Promise.all([
      brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
      gzip(identity, { level: 9 }),
    ]).then(
      ([br, gz]) => {
        // a change published while compressing made this copy stale
        if (s.generation !== generation) return
        s.pages.set(key, {
          headers,
          etag: typeof etag === 'string' ? etag : undefined,
          bodies: { identity, gzip: gz, br },
        })
      },
      () => undefined, // not kept; Next keeps answering
    )
  })
}
