import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Anyone signed in to the admin with a role. */
export const isStaff: Access = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor', 'writer', 'marketer')

export const isStaffField: FieldAccess = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor', 'writer', 'marketer')
