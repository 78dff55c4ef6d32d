import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { isValidSlug } from '@/collections/shared/validators'

/** Leaves draft mode and returns to the published article (or the home page). */
export async function GET(request: Request) {
  ;(await draftMode()).disable()
  const slug = new URL(request.url).searchParams.get('slug')
  redirect(isValidSlug(slug) ? `/articles/${slug}` : '/')
}
