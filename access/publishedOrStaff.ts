import type { Access } from 'payload'

import { hasRole } from './roles'

/** Visitors read published documents only; signed-in staff also read drafts. */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor', 'writer', 'marketer')) return true
  return { _status: { equals: 'published' } }
}
