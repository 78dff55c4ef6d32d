import type { Access } from 'payload'

import { hasRole, type MaybeUser } from './roles'

/** Marketers and admins: they manage affiliate links and agent CTAs. */
export const isMarketerUser = (user: MaybeUser): boolean => hasRole(user, 'admin', 'marketer')

export const isMarketer: Access = ({ req: { user } }) => isMarketerUser(user)
