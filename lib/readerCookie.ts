import { cookies } from 'next/headers'

import { secureCookies } from './env'
import {
  READER_COOKIE,
  READER_COOKIE_MAX_AGE,
  newReaderCookie,
  readerIdFrom,
} from './readerIdentity'

/**
 * The signed reader id of the browser asking (lib/readerIdentity.ts), from a server action or a
 * page. With `create`, a browser without one is given one (server actions only: a page cannot
 * set cookies); without, null.
 */
export async function currentReaderId(options: { create: true }): Promise<string>
export async function currentReaderId(options?: { create?: false }): Promise<string | null>
export async function currentReaderId({ create = false } = {}): Promise<string | null> {
  const jar = await cookies()
  const id = readerIdFrom(jar.get(READER_COOKIE)?.value)
  if (id || !create) return id
  const cookie = newReaderCookie()
  jar.set(READER_COOKIE, cookie.value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(),
    maxAge: READER_COOKIE_MAX_AGE,
    path: '/',
  })
  return cookie.id
}
