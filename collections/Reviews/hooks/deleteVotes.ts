import type { CollectionBeforeDeleteHook } from 'payload'

/** A deleted review takes its 「参考になった」 votes with it (they mean nothing without it). */
export const deleteVotes: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'review-votes',
    where: { review: { equals: id } },
    overrideAccess: true,
    req,
  })
}
