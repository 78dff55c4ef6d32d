import type { Access } from 'payload'

import { isStaffUser } from './isStaff'

/**
 * Affiliate links are business data (the programme list, ASPs, schedules): staff read them,
 * visitors never do over REST or GraphQL. The site's own server code reads active links
 * through the Local API to draw CTAs (their slug and status, the only fields it may see).
 */
export const linksForSiteOrStaff: Access = ({ req }) => {
  if (isStaffUser(req.user)) return true
  return req.payloadAPI === 'local' ? { status: { equals: 'active' } } : false
}
