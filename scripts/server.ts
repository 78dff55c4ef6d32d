// The production server `npm start` runs: Next's own request handler (what `next start` runs),
// with the reader-page cache in front of it (lib/pageCache.ts). Expects a finished build.
import http from 'node:http'

import next from 'next'

import { withPageCache } from '../lib/pageCache'

const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOST || '0.0.0.0'

const app = next({ dev: false, hostname, port })
const nextHandler = app.getRequestHandler()
await app.prepare()
const handle = withPageCache((req, res) => nextHandler(req, res))

const server = http.createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    // Next answers its own errors; this is only for a failure of the handler itself
    console.error(error)
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('サーバーエラーが発生しました。')
  })
})
server.listen(port, hostname, () => {
  console.log(`• Listening on http://${hostname}:${port}`)
})

// finish the requests in flight, then stop (as `next start` does)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 5000).unref()
  })
}
