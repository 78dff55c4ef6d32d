import type { Access } from 'payload'

import { hasRole } from './roles'

/** Marketers and admins: they manage affiliate links and agent CTAs. */
export const isMarketer: Access = ({ req: { user } }) => hasRole(user, 'admin', 'marketer')
