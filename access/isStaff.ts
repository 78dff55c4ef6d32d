import type { Access, FieldAccess } from 'payload'

import { hasRole, ROLES, type MaybeUser } from './roles'

/** Anyone signed in to the admin with a role. */
export const isStaffUser = (user: MaybeUser): boolean => hasRole(user, ...ROLES)

export const isStaff: Access = ({ req: { user } }) => isStaffUser(user)

export const isStaffField: FieldAccess = ({ req: { user } }) => isStaffUser(user)
