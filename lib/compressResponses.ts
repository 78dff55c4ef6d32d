// Compression of every answer Next gives (scripts/server.ts): HTML, JSON, XML, feeds, scripts
// and styles, brotli or gzip as the browser asks (the `compression` middleware, the one
// Next itself uses, in the release that added brotli). Next's own compression is switched
// off (next.config.mjs `compress: false`): it knows only gzip, and the page cache
// (lib/pageCache) must see the page as Next wrote it, before any encoding. The order in the
// server is therefore: this wrapper outside, the page cache inside it.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Duplex } from 'node:stream'
import zlib from 'node:zlib'

import compression from 'compression'

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

const middleware = compression({
  // quality 4 is the middleware's default: close to gzip's speed, smaller output
  brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  threshold: 1024,
})

const noop = () => undefined

/**
 * When a reader disconnects before the end, the middleware never ends its zlib stream, and
 * the stream's native memory outlives the response (Next works around it the same way in
 * its router server, release-compression-stream.js): the middleware hands `on('drain')` to
 * its stream and returns the stream, which is how the stream can be reached and destroyed.
 */
function releaseCompressionStream(res: ServerResponse): void {
  const maybeStream: unknown = res.on('drain', noop)
  if (maybeStream === res || !(maybeStream instanceof Duplex)) {
    res.off('drain', noop)
    return
  }
  maybeStream.destroy()
}

/** Wraps a request handler so that its compressible answers are encoded as the client asks. */
export function withCompression(handle: Handler): Handler {
  return (req, res) =>
    new Promise<void>((resolve, reject) => {
      // the middleware's types are Express's; it needs only Node's request and response
      middleware(req as never, res as never, (error?: unknown) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)))
        res.once('close', () => {
          if (!res.writableFinished) releaseCompressionStream(res)
        })
        handle(req, res).then(resolve, reject)
      })
    })
}
