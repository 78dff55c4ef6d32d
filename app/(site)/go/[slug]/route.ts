import { isValidSlug } from '@/collections/shared/validators'
import { answerGo, offerGoFromCache } from '@/lib/clicks/go'
import { clientAddress } from '@/lib/clientAddress'
import { serverUrl } from '@/lib/env'
import { getPayloadClient } from '@/lib/payload'

const noStore = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
}
const secure = serverUrl(process.env).startsWith('https://')

/**
 * The affiliate redirect. The destination always comes from the link record (read from the
 * in-process link cache, the schedule and rotation applied now); no query parameter is ever
 * used as a target, so this cannot become an open redirect. The click is queued for the click
 * buffer (lib/clicks/buffer.ts) and the reader is redirected without waiting for the database.
 * Once links are cached the front server answers the same way without reaching this route
 * (lib/clicks/go.ts).
 */
async function redirect(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  if (!isValidSlug(slug)) return notFoundPage()
  const payload = await getPayloadClient()
  offerGoFromCache(payload)
  const query = new URL(request.url).searchParams
  const answer = await answerGo(payload, {
    slug,
    method: request.method,
    userAgent: request.headers.get('user-agent') ?? '',
    address: clientAddress(request.headers),
    from: query.get('from'),
    slot: query.get('slot'),
    cookie: request.headers.get('cookie'),
    secure,
    now: new Date(),
  })
  if (answer.status === 404) return notFoundPage()
  const headers = new Headers({ ...noStore, Location: answer.location })
  if (answer.setCookie) headers.set('Set-Cookie', answer.setCookie)
  return new Response(null, { status: 302, headers })
}

export const GET = redirect
// link checkers and previews often send HEAD: they are redirected too, and counted as bots
export const HEAD = redirect

/**
 * A route handler cannot render the app's not-found UI (notFound() here gives an empty 404), so
 * the site's 404 page is fetched from this same server over loopback, at a fixed address (never
 * one taken from the request's Host header), and returned with the /go/ headers. A reader who
 * follows a dead link still gets the site's header, footer and a way back.
 */
async function notFoundPage(): Promise<Response> {
  const headers = { ...noStore, 'Content-Type': 'text/html; charset=utf-8' }
  try {
    const page = await fetch(`http://127.0.0.1:${process.env.PORT || '3000'}/go-link-not-found`, {
      cache: 'no-store',
      signal: AbortSignal.timeout(3000),
    })
    if (page.status === 404) return new Response(await page.text(), { status: 404, headers })
  } catch {
    // fall through to the plain page below
  }
  return new Response(
    '<!doctype html><html lang="ja"><meta charset="utf-8"><title>リンクが見つかりません</title><p>このリンクは終了したか、存在しません。<a href="/">トップページへ戻る</a></p></html>',
    { status: 404, headers },
  )
}
