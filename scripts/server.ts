// The production server `npm start` runs: Next's own request handler (what `next start` runs),
// with what belongs in front of it: security headers on every response (lib/securityHeaders),
// refusal of oversized or malformed requests before they are read (lib/requestLimits), the
// client address stamped for rate limits (lib/clientAddress), /go/ redirects answered from
// the link cache (lib/clicks/goFromServer), the reader-page cache
// (lib/pageCache) and the second expiry that keeps overlapping renders from leaving stale
// pages (lib/cacheSettle), a missing page's 404 rendered on the server (lib/serverRendered404),
// and compression of every answer (lib/compressResponses). Expects a
// finished build.
import { rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { monitorEventLoopDelay } from 'node:perf_hooks'

import next from 'next'

import { materializeAbortReasonStacks } from '../lib/abortReasonStacks'
import { CACHE_EXPIRE_PURPOSE, installCacheSettle, trackRequest } from '../lib/cacheSettle'
import { answerGoInFront } from '../lib/clicks/goFromServer'
import { withCompression } from '../lib/compressResponses'
import { stampClientAddress } from '../lib/clientAddress'
import { pidFileOf } from '../lib/backup'
import { resolveDatabase, serverUrl } from '../lib/env'
import { internalToken } from '../lib/internalToken'
import { boundRouteCacheControls } from '../lib/nextRouteControls'
import { expireTagsInProcess } from '../lib/nextTagExpiry'
import { answerFromPageCache, expirePageCache, withPageCache } from '../lib/pageCache'
import { refuseBeforeReading } from '../lib/requestLimits'
import { securityHeaders } from '../lib/securityHeaders'
import { withServerRendered404 } from '../lib/serverRendered404'

const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOST || '0.0.0.0'
const https = serverUrl(process.env).startsWith('https://')

// before any render: abort reasons must not pin the renders that made them (lib/abortReasonStacks.ts)
materializeAbortReasonStacks()

const app = next({ dev: false, hostname, port })
const nextHandler = app.getRequestHandler()
await app.prepare()
// Next's per-route cache lifetimes are kept for the newest routes only (lib/nextRouteControls.ts)
if (!boundRouteCacheControls()) {
  console.warn("Next's route cache lifetimes could not be bounded: they grow with every address")
}
// compression outside the page cache, so the cache keeps the page as Next wrote it; a page's
// 404 rendered on the server, not in the browser (lib/serverRendered404)
const handle = withCompression(
  withPageCache(
    withServerRendered404(
      (req, res) => nextHandler(req, res),
      // the compiled not-found route, asked for as Next's custom-server guide says
      (req, res) => nextHandler(req, res, { pathname: '/_not-found', query: {} } as never),
    ),
  ),
)

installCacheSettle(async ({ tags, paths }) => {
  expirePageCache(tags, paths)
  if (expireTagsInProcess(tags, paths)) return
  const res = await fetch(`http://127.0.0.1:${port}/api/cache/expire`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${internalToken(CACHE_EXPIRE_PURPOSE)}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ tags: [...tags], paths: [...paths] }),
    signal: AbortSignal.timeout(10_000),
  })
  await res.arrayBuffer()
  expirePageCache(tags, paths)
  if (!res.ok) throw new Error(`cache expire answered ${res.status}`)
})

/**
 * A moved page (lib/redirectOrNotFound) answers 301: Next's permanent redirect is a 308, which
 * some crawlers and tools still treat as unknown. Pages only; the API and the admin keep
 * Next's codes.
 */
function movedPermanently(res: http.ServerResponse) {
  const writeHead = res.writeHead
  res.writeHead = function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
    if (status === 308) {
      // Next sends the Location of a page's redirect twice (set, then appended); one it is
      const location = this.getHeader('location')
      if (Array.isArray(location)) this.setHeader('location', location[0] ?? '')
    }
    return (writeHead as (...args: unknown[]) => http.ServerResponse).call(
      this,
      status === 308 ? 301 : status,
      ...rest,
    )
  } as http.ServerResponse['writeHead']
}

// For benchmarks only (bench/search.ts): with BENCH_EVENT_LOOP=1 the server measures how late
// its event loop runs and answers GET /_bench/event-loop with the delays in ms since the last
// ask (?reset=1 starts over). Without the variable the address is an ordinary 404.
const loopDelay =
  process.env.BENCH_EVENT_LOOP === '1' ? monitorEventLoopDelay({ resolution: 1 }) : null
loopDelay?.enable()
function answerLoopDelay(req: http.IncomingMessage, res: http.ServerResponse) {
  if (!loopDelay || !req.url?.startsWith('/_bench/event-loop')) return false
  const ms = (ns: number) => Math.round(ns / 1e4) / 100
  const stats = {
    samples: loopDelay.count,
    p50: ms(loopDelay.percentile(50)),
    p99: ms(loopDelay.percentile(99)),
    max: ms(loopDelay.max),
  }
  if (req.url.includes('reset=1')) loopDelay.reset()
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(stats))
  return true
}

const server = http.createServer((req, res) => {
  if (answerLoopDelay(req, res)) return
  // a page the page cache holds, answered before anything a render needs; its stored headers
  // are those the page was first sent with, security headers included (lib/pageCache)
  if (answerFromPageCache(req, res)) return
  stampClientAddress(req)
  const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/'
  for (const [name, value] of Object.entries(securityHeaders(pathname, https))) {
    res.setHeader(name, value)
  }
  const refusal = refuseBeforeReading(req)
  if (refusal) {
    const api = pathname.startsWith('/api/')
    res.writeHead(refusal.status, {
      'Content-Type': api ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      ...(refusal.bodyUnread ? { Connection: 'close' } : {}),
    })
    res.end(api ? JSON.stringify({ errors: [{ message: refusal.message }] }) : refusal.message)
    return
  }
  // affiliate redirects from the in-memory link cache, without Next (lib/clicks/goFromServer)
  if (pathname.startsWith('/go/') && answerGoInFront(req, res, https)) return
  if (!pathname.startsWith('/api/') && !pathname.startsWith('/admin')) movedPermanently(res)
  trackRequest(req, res, () => handle(req, res)).catch((error: unknown) => {
    // Next answers its own errors; this is only for a failure of the handler itself
    console.error(error)
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('サーバーエラーが発生しました。')
  })
})
// An idle keep-alive connection stays open 65 s (Node's default is 5 s). A client or proxy that
// reuses a connection the server has just closed gets a reset: a failed request, or a 502 from
// nginx or a load balancer, whose idle timeouts are about 60 s. A stop still closes idle
// connections at once (below).
server.keepAliveTimeout = 65_000
server.headersTimeout = 66_000
// while this server uses the embedded database, `npm run restore` refuses to replace it
const database = resolveDatabase(process.env)
const pidFile = database.adapter === 'sqlite' ? pidFileOf(database.file) : null
server.listen(port, hostname, () => {
  if (pidFile) writeFileSync(pidFile, String(process.pid))
  console.log(`• Listening on http://${hostname}:${port}`)
})
process.once('exit', () => {
  if (pidFile) rmSync(pidFile, { force: true })
})

// finish the requests in flight, write the clicks still in the click buffer
// (lib/clicks/buffer.ts registers its flush on globalThis), then stop; at most 10 s
const flushClicks = () =>
  (globalThis as typeof globalThis & { [key: symbol]: (() => Promise<void>) | undefined })[
    Symbol.for('career-media.flush-clicks')
  ]?.() ?? Promise.resolve()

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    setTimeout(() => process.exit(0), 10_000).unref()
    server.close(() => {
      flushClicks()
        .catch((error: unknown) => console.error('clicks not flushed:', error))
        .finally(() => process.exit(0))
    })
    server.closeIdleConnections()
  })
}
