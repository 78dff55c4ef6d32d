import type { Payload, PayloadRequest, Where } from 'payload'

import { idString } from '@/lib/ids'
import { eachPublishedArticle, type LiveArticle } from '@/lib/liveArticles'
import { pageRows } from '@/lib/pageRows'
import type { Article } from '@/payload-types'

// The lists an article appears in by relationship (its categories, the agents its body
// features), kept as rows of their own (collections/ArticleListings.ts) so that a page of a
// list is read in date order through an index. The rows follow what readers see: the live
// version of a published article, nothing for a draft, an unpublished or a deleted article.

export const categoryList = (id: unknown) => `category:${idString(id)}`
export const agentList = (id: unknown) => `agent:${idString(id)}`

/** The lists a live article belongs in (none unless it is published). */
export function listsOf(article: LiveArticle | null | undefined): string[] {
  if (article?._status !== 'published' || !article.publishedAt) return []
  return [
    ...new Set([
      ...(article.categories ?? []).map(categoryList),
      ...(article.featuredAgents ?? []).map(agentList),
    ]),
  ]
}

const sys = { overrideAccess: true, depth: 0 } as const

// an article is in one list per category and per featured agent: far fewer than this
const MAX_LISTS_PER_ARTICLE = 200

const addRows = async (payload: Payload, article: LiveArticle, req?: PayloadRequest) => {
  for (const list of listsOf(article)) {
    await payload.create({
      ...sys,
      collection: 'article-listings',
      data: { list, article: article.id, publishedAt: article.publishedAt! },
      req,
    })
  }
}

/** Replaces one article's rows by those of its live version (lib/liveArticles). */
export async function listArticle(
  req: PayloadRequest,
  id: Article['id'],
  live: LiveArticle | undefined,
): Promise<void> {
  const { payload } = req
  const lists = listsOf(live)
  const { docs: rows } = await payload.find({
    ...sys,
    collection: 'article-listings',
    where: { article: { equals: id } },
    // one row per list the article is in: its categories and featured agents
    limit: MAX_LISTS_PER_ARTICLE,
    pagination: false,
    req,
  })
  const unchanged =
    rows.length === lists.length &&
    rows.every(
      (row) =>
        lists.includes(row.list) &&
        new Date(row.publishedAt).getTime() === new Date(live?.publishedAt ?? 0).getTime(),
    )
  if (unchanged) return
  await dropListings(payload, id, req)
  if (live) await addRows(payload, live, req)
}

/** Removes a (deleted) article's rows. */
export async function dropListings(payload: Payload, id: string | number, req?: PayloadRequest) {
  await payload.delete({
    ...sys,
    collection: 'article-listings',
    where: { article: { equals: id } },
    req,
  })
}

/** One page of a list's article ids, newest first (readers' access is applied by the caller). */
export async function listedArticleIds(
  payload: Payload,
  list: string,
  page: number,
  limit: number,
): Promise<Article['id'][]> {
  const docs = await pageRows(payload, {
    ...sys,
    collection: 'article-listings',
    where: { list: { equals: list } },
    sort: '-publishedAt',
    page,
    limit,
    select: { article: true },
  })
  return docs.map((row) => (typeof row.article === 'object' ? row.article.id : row.article))
}

/** How many published articles a list holds. */
export async function countListed(payload: Payload, list: string): Promise<number> {
  const where: Where = { list: { equals: list } }
  return (await payload.count({ collection: 'article-listings', where, overrideAccess: true }))
    .totalDocs
}

/**
 * Fills the rows of every published article when there are none (a database from before the
 * listings, or filled by another tool). Returns how many articles were listed.
 */
export async function ensureListings(payload: Payload): Promise<number> {
  const { totalDocs: rows } = await payload.count({
    collection: 'article-listings',
    overrideAccess: true,
  })
  if (rows > 0) return 0
  return eachPublishedArticle(payload, async (batch) => {
    for (const article of batch) await addRows(payload, article)
  })
}
