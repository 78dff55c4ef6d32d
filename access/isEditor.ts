import type { Access, FieldAccess } from 'payload'

import { hasRole } from './roles'

/** Editors and admins: they own moderation, PR labelling and publishing. */
export const isEditor: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

export const isEditorField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
