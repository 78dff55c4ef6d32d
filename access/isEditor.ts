import type { Access, FieldAccess } from 'payload'

import { hasRole, type MaybeUser } from './roles'

/** Editors and admins: they own moderation, PR labelling and publishing. */
export const isEditorUser = (user: MaybeUser): boolean => hasRole(user, 'admin', 'editor')

export const isEditor: Access = ({ req: { user } }) => isEditorUser(user)

export const isEditorField: FieldAccess = ({ req: { user } }) => isEditorUser(user)

/** For `admin.hidden`: a collection only editors and admins see in the admin's navigation. */
export const hiddenFromNonEditors = ({ user }: { user: unknown }): boolean =>
  !isEditorUser(user as MaybeUser)
