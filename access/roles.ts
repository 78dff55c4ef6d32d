import type { User } from '@/payload-types'

export const ROLES = ['admin', 'editor', 'writer', 'marketer'] as const
export type Role = (typeof ROLES)[number]

export type MaybeUser = Pick<User, 'roles'> | null | undefined

/**
 * True when the signed-in user holds any of the given roles. Only the predicates in access/
 * call this: everywhere else a role set is used by its name (isEditorUser, canPreview …).
 */
export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean =>
  Boolean(user?.roles?.some((role) => roles.includes(role)))
