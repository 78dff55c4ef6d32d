import type { Access } from 'payload'

import { isEditorUser } from '@/access/isEditor'
import { isWriterUser } from '@/access/isWriter'

const wantsPublish = (data: unknown): boolean =>
  Boolean(
    data && typeof data === 'object' && (data as { _status?: string })._status === 'published',
  )

/** Writers, editors and admins create articles; only editors and admins may create them published. */
export const canCreateArticle: Access = ({ req: { user }, data }) => {
  if (isEditorUser(user)) return true
  return isWriterUser(user) && !wantsPublish(data)
}

/**
 * Editors and admins edit any article. Writers edit only their own and never publish.
 * Marketers never change article text.
 */
export const canUpdateArticle: Access = ({ req: { user }, data }) => {
  if (!user) return false
  if (isEditorUser(user)) return true
  if (isWriterUser(user) && !wantsPublish(data)) return { author: { equals: user.id } }
  return false
}
