import { AsyncLocalStorage } from 'node:async_hooks'
import { once } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/**
 * A page request the browser loads as a document: a GET or HEAD of a public page, not one of
 * Next's own fetches (a client navigation or prefetch asks with the `rsc` header and gets
 * Next's data format, which the browser renders itself; a server action is a POST).
 */
function isDocumentRequest(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  if (req.headers['rsc'] !== undefined || req.headers['next-router-prefetch'] !== undefined) {
    return false
  }
  const url = req.url ?? '/'
  return !url.startsWith('/api/') && !url.startsWith('/admin') && !url.startsWith('/_next/')
}

/** The answer is an HTML page, by its headers so far or those writeHead is given */
function isHtml(res: ServerResponse, headers?: unknown): boolean {
  let type = res.getHeader('content-type')
  if (headers && typeof headers === 'object' && !Array.isArray(headers)) {
    for (const [name, value] of Object.entries(headers)) {
      if (name.toLowerCase() === 'content-type') type = value as string
    }
  }
  return String(type ?? '').startsWith('text/html')
}

/** what describes Next's held-back body; the rest (security headers, X-Robots-Tag) stays */
const RENDER_HEADERS = /^(content-(type|length|encoding)|etag|cache-control|vary|link|x-nextjs-.*)$/

/**
 * The site's 404 rendered whole on the server. When a page calls notFound(), Next 16 sends an
 * empty error document (`<html id="__next_error__">`: no lang, no heading, no text) and the
 * browser renders the not-found page only once its scripts run, so crawlers, screen readers
 * before the scripts load and readers without JavaScript see a blank page
 * (https://github.com/vercel/next.js/issues/62228, open; the fix, #98455, is not released). An
 * address no route has is rendered on the server, through the compiled not-found route
 * (app/global-not-found.tsx). So for a document request that Next answers with a 404 page,
 * Next's answer is held back before anything of it is sent and `render404` (Next's handler,
 * asked for that route) answers instead. Every other answer passes through untouched from
 * its first byte on.
 */
export function withServerRendered404(handle: Handler, render404: Handler): Handler {
  return async (req, res) => {
    if (!isDocumentRequest(req)) return handle(req, res)
    // the 404 is rendered from the request's own context, not from inside Next's first render
    const outside = AsyncLocalStorage.snapshot()
    const { writeHead, flushHeaders, write, end } = res
    const restore = () => Object.assign(res, { writeHead, flushHeaders, write, end })
    let holding = false
    let replaced: Promise<void> | null = null
    // decided once, when Next first sends its status line or body: hold it back or let it be
    const decide = (status: number, headers?: unknown) => {
      if (holding) return true
      if (status === 404 && isHtml(res, headers)) return (holding = true)
      restore()
      return false
    }
    const replace = () => {
      if (replaced) return
      restore()
      for (const name of res.getHeaderNames()) if (RENDER_HEADERS.test(name)) res.removeHeader(name)
      res.statusCode = 200
      // a second render on this response adds its own listeners beside the first one's
      res.setMaxListeners(res.getMaxListeners() * 2)
      replaced = outside(() => render404(req, res)).catch((error: unknown) => {
        console.error(error)
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
        res.end('サーバーエラーが発生しました。')
      })
    }
    res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      if (decide(status, rest.at(-1))) return this
      return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest)
    } as ServerResponse['writeHead']
    res.flushHeaders = function (this: ServerResponse) {
      if (decide(this.statusCode)) return
      flushHeaders.call(this)
    }
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      if (!decide(this.statusCode)) {
        return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest)
      }
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined
      callback?.()
      return true
    } as ServerResponse['write']
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      if (!decide(this.statusCode)) {
        return (end as (...args: unknown[]) => ServerResponse).call(this, ...args)
      }
      // Next waits for this response to finish before its handler returns, so the 404 is
      // rendered now, not after the handler
      const callback = args.find((arg) => typeof arg === 'function') as (() => void) | undefined
      if (callback) this.once('finish', callback)
      replace()
      return this
    } as ServerResponse['end']
    // Next's first render returns once the response has finished; a reader who leaves during
    // the 404's render never lets it finish, so that wait ends when the connection closes too
    // (any other answer is waited for as Next gives it)
    const closed = once(res, 'close').then(() => undefined)
    const first = handle(req, res)
    try {
      await Promise.race([first, closed.then(() => (holding ? undefined : first))])
    } finally {
      // Next gave up without ending (a client that went away): nothing more is sent
      if (holding && !replaced) restore()
    }
    if (replaced) await Promise.race([replaced, closed])
  }
}
