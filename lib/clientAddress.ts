import type { IncomingMessage } from 'node:http'

/**
 * The header through which the production server (scripts/server.ts) tells the app the
 * address a request came from. The server always overwrites it, so a client cannot choose its
 * own address; behind a reverse proxy, TRUST_PROXY=1 makes the server take the last
 * X-Forwarded-For entry (the one the proxy wrote) instead of the socket address.
 */
export const CLIENT_ADDRESS_HEADER = 'x-career-client-address'

/** Sets the client-address header on an incoming request, replacing anything sent with it. */
export function stampClientAddress(
  req: IncomingMessage,
  trustProxy = process.env.TRUST_PROXY === '1',
): void {
  // the proxy appends the address it saw; anything before it was written by the client
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .at(-1)
    ?.trim()
  const address = (trustProxy && forwarded) || req.socket.remoteAddress || 'unknown'
  req.headers[CLIENT_ADDRESS_HEADER] = address.replace(/^::ffff:/, '')
}

/** The address of the request's client as the server stamped it ('unknown' without one). */
export const clientAddress = (headers: Pick<Headers, 'get'>): string =>
  headers.get(CLIENT_ADDRESS_HEADER) || 'unknown'
