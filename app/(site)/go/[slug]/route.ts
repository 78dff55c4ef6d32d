import { isValidSlug } from '@/collections/shared/validators'
import { getRedirectTarget } from '@/lib/queries/affiliateLinks'

const noStore = {
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
}

/**
 * The affiliate redirect. The destination always comes from the link record; no query
 * parameter is ever used as a target, so this cannot become an open redirect.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const target = isValidSlug(slug) ? await getRedirectTarget(slug) : null
  if (!target) {
    return new Response('リンクが見つかりません。', {
      status: 404,
      headers: { ...noStore, 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  // click recording (placement from ?from=, device class, bot flag) belongs here
  return new Response(null, { status: 302, headers: { ...noStore, Location: target.url } })
}
