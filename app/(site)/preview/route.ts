import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { isValidSlug } from '@/collections/shared/validators'
import { getPayloadClient } from '@/lib/payload'
import { isPreviewSecret } from '@/lib/preview'
import type { User } from '@/payload-types'
import { canPreviewUser } from '@/access/canPreview'

const refuse = (message: string, status: number) =>
  new Response(message, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex, nofollow',
    },
  })

/**
 * Opens an article's latest draft as readers would see it: needs the preview secret and a
 * signed-in admin, editor or writer, then turns on Next's draft mode for this browser and goes
 * to the article's own address (built from the validated slug, never from the query).
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams
  const slug = params.get('slug')
  if (!isPreviewSecret(params.get('secret')) || !isValidSlug(slug)) {
    return refuse('プレビューのリンクが正しくありません。', 401)
  }
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: request.headers })
  if (!canPreviewUser(user as User | null)) {
    return refuse('プレビューするには管理画面にログインしてください。', 403)
  }
  ;(await draftMode()).enable()
  redirect(`/articles/${slug}`)
}
