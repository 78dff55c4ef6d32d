import type { Access, FieldAccess } from 'payload'

import { hasRole, type MaybeUser } from './roles'

/** Admins: users, roles, jobs and everything else. */
export const isAdminUser = (user: MaybeUser): boolean => hasRole(user, 'admin')

export const isAdmin: Access = ({ req: { user } }) => isAdminUser(user)

export const isAdminField: FieldAccess = ({ req: { user } }) => isAdminUser(user)
