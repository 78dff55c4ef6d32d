import type { Access } from 'payload'

import { isEditorUser } from './isEditor'
import { isStaffUser } from './isStaff'

// an upload without a count (stored before the field existed) is taken at the field's default
const unused = { or: [{ publicUses: { equals: 0 } }, { publicUses: { exists: false } }] }

/**
 * Changing or deleting an upload changes every page that shows it, without review. Editors
 * and admins may; other staff only while no public page shows it (their own uploads for a
 * draft, for example). Each upload keeps that number itself (lib/mediaUses.ts), so the check
 * reads one document, or none when the admin asks about the whole collection.
 */
export const canChangeMedia: Access = async ({ req, id }) => {
  if (isEditorUser(req.user)) return true
  if (!isStaffUser(req.user)) return false
  if (id === undefined) return unused
  const { docs } = await req.payload.find({
    collection: 'media',
    where: { id: { equals: id } },
    select: { publicUses: true },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  // a missing upload is left to the operation, which answers that it was not found
  return !docs[0]?.publicUses
}
