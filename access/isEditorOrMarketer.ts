import type { Access } from 'payload'

import { hasRole, type MaybeUser } from './roles'

/** Editors, marketers and admins: agent profiles and CTAs, click data. Never writers. */
export const isEditorOrMarketerUser = (user: MaybeUser): boolean =>
  hasRole(user, 'admin', 'editor', 'marketer')

export const isEditorOrMarketer: Access = ({ req: { user } }) => isEditorOrMarketerUser(user)
