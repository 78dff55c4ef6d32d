import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { Redirect } from '@/payload-types'

type Slugged = { id: string | number; slug?: string | null; _status?: string | null }

/**
 * When a public document's slug changes, its old address answers 301 to the new one: a
 * redirect from the old path to the document itself (so a later change of slug is followed
 * too), and any redirect from the new path is removed, so the page and a redirect never
 * compete for one address. Only addresses readers could have known count: an article's old
 * slug counts only if that version was published.
 */
/** The slug of the published version before the one just saved (versions are saved first). */
async function previousPublishedSlug(
  req: PayloadRequest,
  collection: 'articles' | 'agents' | 'categories',
  id: string | number,
): Promise<string | undefined> {
  if (collection !== 'articles') return undefined
  const { docs } = await req.payload.findVersions({
    collection,
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
    sort: '-updatedAt',
    limit: 2,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[1]?.version.slug ?? undefined
}

export const redirectOldSlug =
  (
    collection: 'articles' | 'agents' | 'categories',
    basePath: string,
  ): CollectionAfterChangeHook<Slugged> =>
  async ({ doc, previousDoc, req }) => {
    // only the live version's address counts: a draft's new slug moves nothing until published
    const versioned = doc._status !== undefined
    if (versioned && doc._status !== 'published') return doc
    // with drafts, the document before a publish may be the draft that already had the new
    // slug: the address readers knew is the previous published version's
    const before = versioned
      ? await previousPublishedSlug(req, collection, doc.id)
      : previousDoc?.slug
    if (!before || !doc.slug || before === doc.slug) return doc
    const from = `${basePath}${before}`
    const to = `${basePath}${doc.slug}`
    await req.payload.delete({
      collection: 'redirects',
      where: { from: { equals: to } },
      overrideAccess: true,
      req,
    })
    const existing = await req.payload.find({
      collection: 'redirects',
      where: { from: { equals: from } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    // the generated types know one id type and one collection per branch; the value is a
    // document of `collection`, whatever the database's ids are
    const reference = { relationTo: collection, value: doc.id } as NonNullable<
      NonNullable<Redirect['to']>['reference']
    >
    const data = { from, type: '301' as const, to: { type: 'reference' as const, reference } }
    if (existing.docs[0]) {
      await req.payload.update({
        collection: 'redirects',
        id: existing.docs[0].id,
        data,
        overrideAccess: true,
        req,
      })
    } else {
      await req.payload.create({ collection: 'redirects', data, overrideAccess: true, req })
    }
    return doc
  }
