import type { Access } from 'payload'

import { isStaffUser } from './isStaff'

/** Visitors read approved reviews only; pending and rejected ones stay in the admin. */
export const approvedOrStaff: Access = ({ req: { user } }) => {
  if (isStaffUser(user)) return true
  return { status: { equals: 'approved' } }
}
