import type { PayloadRequest } from 'payload'

import { idString, relationId } from '@/lib/ids'
import type { Article, Media } from '@/payload-types'

// How many public pages show each upload (media.publicUses): the published articles whose
// images or body show it and the agents whose logo it is (agent pages are always public). The
// access check for writers and marketers (access/canChangeMedia.ts) reads that one number
// instead of the archive; the articles' and agents' hooks recount the uploads a save may have
// moved, and rebuildMediaUses counts them all again (a job, the MongoDB migration, the bench).

type Ref = Media['id'] | { id: Media['id'] } | null | undefined
type Row = Pick<Media, 'id' | 'publicUses'>

const sys = { overrideAccess: true, depth: 0 } as const

/** The ids of these references, once each, typed as stored, by their string form. */
const idsByKey = (refs: Ref[]) =>
  new Map(
    refs.flatMap((ref) => {
      const id = relationId<{ id: Media['id'] }>(ref)
      return id === undefined || id === null ? [] : [[idString(id)!, id] as const]
    }),
  )

/** Rebuilds walk the uploads this many at a time. */
export const REBUILD_PAGE = 100

/**
 * The uploads whose count a change may have moved: those shown before or after it but not both
 * (an upload shown on both sides keeps its count). Each list is what was public: empty for a
 * draft, an unpublished or a deleted article.
 */
export function mediaUsesChanged(before: Ref[], after: Ref[]): Media['id'][] {
  const was = idsByKey(before)
  const is = idsByKey(after)
  return [
    ...[...was].filter(([key]) => !is.has(key)),
    ...[...is].filter(([key]) => !was.has(key)),
  ].map(([, id]) => id)
}

/** The uploads an article's live version shows readers (none unless it is published). */
export async function liveArticleMedia(
  req: PayloadRequest,
  id: Article['id'],
): Promise<Media['id'][]> {
  const { docs } = await req.payload.find({
    ...sys,
    collection: 'articles',
    where: { id: { equals: id } },
    select: { _status: true, dependsOn: { media: true } },
    draft: false,
    limit: 1,
    pagination: false,
    req,
  })
  const live = docs[0]
  if (live?._status !== 'published') return []
  return (live.dependsOn?.media ?? []) as Media['id'][]
}

/** Uses of one upload on public pages, counted through the indexes on both references. */
async function countPublicUses(req: PayloadRequest, id: Media['id']): Promise<number> {
  // one after the other: a MongoDB session runs one operation at a time
  const articles = await req.payload.count({
    collection: 'articles',
    where: { and: [{ _status: { equals: 'published' } }, { 'dependsOn.media': { equals: id } }] },
    overrideAccess: true,
    req,
  })
  const agents = await req.payload.count({
    collection: 'agents',
    where: { logo: { equals: id } },
    overrideAccess: true,
    req,
  })
  return articles.totalDocs + agents.totalDocs
}

async function recountRows(req: PayloadRequest, rows: Row[]): Promise<void> {
  for (const media of rows) {
    const uses = await countPublicUses(req, media.id)
    if (media.publicUses === uses) continue
    // written past the Local API's update: a count is no edit of the upload (no hooks, no
    // revalidation, updatedAt kept), and update's `context` option would be merged into this
    // request's context, switching off what the rest of the save still expires
    await req.payload.db.updateOne({
      collection: 'media',
      id: media.id,
      data: { publicUses: uses },
      req,
      returning: false,
    })
  }
}

/**
 * Sets publicUses of these uploads (the few a save touched) to their count now, in the
 * request's transaction. A recount, never an increment: running it twice changes nothing.
 * Ids of uploads that no longer exist are passed over.
 */
export async function recountMediaUses(req: PayloadRequest, mediaIds: Ref[]): Promise<void> {
  const ids = [...idsByKey(mediaIds).values()]
  if (!ids.length) return
  const { docs } = await req.payload.find({
    ...sys,
    collection: 'media',
    where: { id: { in: ids } },
    select: { publicUses: true },
    limit: ids.length,
    pagination: false,
    req,
  })
  await recountRows(req, docs)
}

/** Counts every upload's public uses again, REBUILD_PAGE at a time. Returns how many there were. */
export async function rebuildMediaUses(req: PayloadRequest): Promise<number> {
  let after: Media['id'] | undefined
  let seen = 0
  for (;;) {
    // keyset pages (ids after the last one): no offset to skip and no count, on either database
    const { docs } = await req.payload.find({
      ...sys,
      collection: 'media',
      where: after === undefined ? {} : { id: { greater_than: after } },
      select: { publicUses: true },
      sort: 'id',
      limit: REBUILD_PAGE,
      pagination: false,
      req,
    })
    await recountRows(req, docs)
    seen += docs.length
    if (docs.length < REBUILD_PAGE) return seen
    after = docs.at(-1)!.id
  }
}
