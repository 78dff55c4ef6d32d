import type { Access } from 'payload'

import { mediaOnPublicPages } from '@/lib/dependents'

import { isEditorUser } from './isEditor'
import { isStaffUser } from './isStaff'

/**
 * Changing or deleting an upload changes every page that shows it, without review. Editors
 * and admins may; other staff only while no public page shows it (their own uploads for a
 * draft, for example).
 */
export const canChangeMedia: Access = async ({ req, id }) => {
  if (isEditorUser(req.user)) return true
  if (!isStaffUser(req.user)) return false
  if (id !== undefined) return (await mediaOnPublicPages(req, id)).length === 0
  const used = await mediaOnPublicPages(req)
  return used.length ? { id: { not_in: used } } : true
}
