import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * A token for the server's calls to itself (running due jobs, settling the cache), derived
 * from PAYLOAD_SECRET and the purpose, so it is never stored and differs per purpose.
 */
export const internalToken = (purpose: string, secret = process.env.PAYLOAD_SECRET ?? '') =>
  createHmac('sha256', secret).update(purpose).digest('hex')

/** Whether a request carries `Authorization: Bearer <the token for this purpose>`. */
export function hasInternalToken(req: { headers: Pick<Headers, 'get'> }, purpose: string): boolean {
  const header = req.headers.get('authorization') ?? ''
  if (!process.env.PAYLOAD_SECRET || !header.startsWith('Bearer ')) return false
  const given = Buffer.from(header.slice('Bearer '.length))
  const expected = Buffer.from(internalToken(purpose))
  return given.length === expected.length && timingSafeEqual(given, expected)
}
