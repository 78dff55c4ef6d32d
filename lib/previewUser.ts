import { draftMode, headers } from 'next/headers'

import { getPayloadClient } from '@/lib/payload'
import type { User } from '@/payload-types'
import { canPreviewUser } from '@/access/canPreview'

/**
 * The signed-in staff member viewing a page in draft mode, or null. Draft mode alone is not
 * trusted: the admin session is checked on every preview render, so a reader who somehow kept
 * the cookie still sees only published pages.
 */
export async function getPreviewUser(): Promise<User | null> {
  if (!(await draftMode()).isEnabled) return null
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  return canPreviewUser(user as User | null) ? (user as User) : null
}
