import { hasRole, type MaybeUser } from './roles'

/** Writers: they draft their own articles and submit them for review, never publish. */
export const isWriterUser = (user: MaybeUser): boolean => hasRole(user, 'writer')
