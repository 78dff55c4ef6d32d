import type { IncomingMessage, ServerResponse } from 'node:http'

import { CLIENT_ADDRESS_HEADER } from '../clientAddress'

import type { GoAnswer, GoRequest } from './go'

// /go/ answered by the front server (scripts/server.ts) from the app's in-memory link cache,
// without a trip through Next: the decision is the app's own (lib/clicks/go.ts, reached
// through a global the /go/ route sets), so both answer alike. Returns false to leave the
// request to Next: before the first /go/ has loaded the app, when a link, the settings or the
// page named by ?from= are not cached yet, and for every 404 (Next renders the site's page).

// types only: the values live in the app's bundle, reached through the global
type FromCache = (request: GoRequest) => GoAnswer | null

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function answerGoInFront(
  req: IncomingMessage,
  res: ServerResponse,
  secure: boolean,
): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const fromCache = (globalThis as typeof globalThis & { [key: symbol]: FromCache | undefined })[
    Symbol.for('career-media.go-from-cache')
  ]
  if (!fromCache) return false
  const url = new URL(req.url ?? '/', 'http://front')
  const slug = url.pathname.slice('/go/'.length)
  if (slug.length > 80 || !SLUG.test(slug)) return false
  const answer = fromCache({
    slug,
    method: req.method,
    userAgent: String(req.headers['user-agent'] ?? ''),
    address: String(req.headers[CLIENT_ADDRESS_HEADER] ?? 'unknown'),
    from: url.searchParams.get('from'),
    slot: url.searchParams.get('slot'),
    cookie: req.headers.cookie ?? null,
    secure,
    now: new Date(),
  })
  if (!answer || answer.status !== 302) return false
  res.writeHead(302, {
    'Cache-Control': 'no-store',
    'X-Robots-Tag': 'noindex, nofollow',
    Location: answer.location,
    ...(answer.setCookie ? { 'Set-Cookie': answer.setCookie } : {}),
  })
  res.end()
  return true
}
