import type { Access } from 'payload'

import { hasRole } from './roles'

/** Visitors read approved reviews only; pending and rejected ones stay in the admin. */
export const approvedOrStaff: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor', 'writer', 'marketer')) return true
  return { status: { equals: 'approved' } }
}
