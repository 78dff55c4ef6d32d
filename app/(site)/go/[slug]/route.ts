import { isValidSlug } from '@/collections/shared/validators'
import { recordClick } from '@/lib/clicks/buffer'
import { deviceClass, isBotClick, visitorKey } from '@/lib/clicks/classify'
import { resolvePlacement } from '@/lib/clicks/placement'
import { clientAddress } from '@/lib/clientAddress'
import { getPayloadClient } from '@/lib/payload'
import { getRedirectTarget } from '@/lib/queries/affiliateLinks'

const noStore = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
}

/**
 * The affiliate redirect. The destination always comes from the link record (read from the
 * in-process link cache, the schedule applied now); no query parameter is ever used as a
 * target, so this cannot become an open redirect. The click is queued for the click buffer
 * (lib/clicks/buffer.ts) and the reader is redirected without waiting for the database.
 */
async function redirect(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const now = new Date()
  const target = isValidSlug(slug) ? await getRedirectTarget(slug, now) : null
  if (!target) return notFoundPage()
  const payload = await getPayloadClient()

  const userAgent = (request.headers.get('user-agent') ?? '').slice(0, 512)
  const address = clientAddress(request.headers)
  const from = new URL(request.url).searchParams.get('from')
  void resolvePlacement(payload, from)
    .then(({ placement, article }) =>
      recordClick(payload, {
        link: target.link.id,
        destination: target.url,
        placement,
        article,
        deviceClass: deviceClass(userAgent),
        isBot: isBotClick(request.method, userAgent),
        visitorKey: visitorKey(address, userAgent, now),
        createdAt: now.toISOString(),
      }),
    )
    .catch((error: unknown) => payload.logger.error({ err: error }, 'click not recorded'))
  return new Response(null, { status: 302, headers: { ...noStore, Location: target.url } })
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
