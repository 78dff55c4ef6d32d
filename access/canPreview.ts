import type { Access } from 'payload'

import { hasRole, type MaybeUser } from './roles'

/** The people who work on article text (admins, editors, writers): previews and history. */
export const canPreviewUser = (user: MaybeUser): boolean =>
  hasRole(user, 'admin', 'editor', 'writer')

export const canPreview: Access = ({ req: { user } }) => canPreviewUser(user)
