import type { CollectionAfterChangeHook } from 'payload'

import type { Review } from '@/payload-types'

/** Rejecting a review answers its open reports: they are marked 「口コミを却下」. */
export const closeReports: CollectionAfterChangeHook<Review> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (doc.status !== 'rejected' || previousDoc?.status === 'rejected') return doc
  await req.payload.update({
    collection: 'review-reports',
    where: { and: [{ review: { equals: doc.id } }, { status: { equals: 'open' } }] },
    data: { status: 'upheld' },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return doc
}
