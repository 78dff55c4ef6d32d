import type { Payload, PayloadRequest } from 'payload'

import type { Article } from '@/payload-types'

// What the search index and the list rows are derived from: the live version of an article
// (never a draft saved beside it). Read once per save for both (collections/Articles/hooks/
// updateDerived.ts), and page by page when either is rebuilt.

export const LIVE_FIELDS = {
  title: true,
  lead: true,
  searchText: true,
  publishedAt: true,
  _status: true,
  categories: true,
  featuredAgents: true,
} as const

export type LiveArticle = Pick<
  Article,
  | 'id'
  | 'title'
  | 'lead'
  | 'searchText'
  | 'publishedAt'
  | '_status'
  | 'categories'
  | 'featuredAgents'
>

const sys = { overrideAccess: true, depth: 0, draft: false } as const

/** The live version of one article, in the request's transaction (undefined when none). */
export async function readLiveArticle(
  req: PayloadRequest,
  id: Article['id'],
): Promise<LiveArticle | undefined> {
  const { docs } = await req.payload.find({
    ...sys,
    collection: 'articles',
    where: { id: { equals: id } },
    select: LIVE_FIELDS,
    limit: 1,
    pagination: false,
    req,
  })
  return docs[0] as LiveArticle | undefined
}

/** Every published article, 200 at a time, in id order. Returns how many there were. */
export async function eachPublishedArticle(
  payload: Payload,
  each: (batch: LiveArticle[]) => Promise<void>,
): Promise<number> {
  let count = 0
  for (let page = 1; ; page++) {
    const result = await payload.find({
      ...sys,
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      select: LIVE_FIELDS,
      sort: 'id',
      page,
      limit: 200,
    })
    await each(result.docs as LiveArticle[])
    count += result.docs.length
    if (!result.hasNextPage) return count
  }
}
