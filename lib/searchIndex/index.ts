import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { Payload } from 'payload'

import { resolveDatabase } from '@/lib/env'
import { eachPublishedArticle, type LiveArticle } from '@/lib/liveArticles'
import { searchPlan, type SearchPlan } from '@/lib/search'

import { mongoSearchStore } from './mongo'
import { mongoReviewSearchStore } from './reviews/mongo'
import { sqliteReviewSearchStore } from './reviews/sqlite'
import type { ReviewSearchStore } from './reviews/types'
import { searchIndexFile, sqliteSearchStore } from './sqlite'
import { COUNT_CAP, type SearchEntry, type SearchHits, type SearchStore } from './types'

export { COUNT_CAP } from './types'
export type { SearchHits } from './types'
export { SearchUnavailableError } from './sqliteReader'

// The site search's index of published articles: FTS5 on the embedded database, token arrays on
// MongoDB (./sqlite.ts, ./mongo.ts), the same answers from both. This is the one place that
// knows which is in use. The index holds what readers can see and nothing else: the articles
// collection's hooks put an article in when it is published or edited live and take it out
// when it is unpublished or deleted; a draft saved beside the live version changes nothing.

const STORES = Symbol.for('career-media.search-store')

type Stores = { articles: SearchStore; reviews: ReviewSearchStore }

function storesFor(payload: Payload): Stores {
  const holder = payload as Payload & { [STORES]?: Stores }
  if (!holder[STORES]) {
    const db = payload.db as unknown as MongooseAdapter | { name: string }
    if (db.name === 'mongoose') {
      const { connection } = db as MongooseAdapter
      holder[STORES] = {
        articles: mongoSearchStore(connection),
        reviews: mongoReviewSearchStore(connection),
      }
    } else {
      // the reviews' tables are in the articles' file, read on the same search thread
      const database = resolveDatabase(process.env)
      const articles = sqliteSearchStore(
        searchIndexFile(database.adapter === 'sqlite' ? database.file : ''),
      )
      holder[STORES] = {
        articles,
        reviews: sqliteReviewSearchStore(articles.connection, articles.reader),
      }
    }
  }
  return holder[STORES]
}

const storeFor = (payload: Payload) => storesFor(payload).articles

/** The index of approved reviews (lib/searchIndex/reviews/index.ts). */
export const reviewStoreFor = (payload: Payload) => storesFor(payload).reviews

/** What the index keeps of a live article. */
export const searchEntryOf = (article: LiveArticle): SearchEntry => ({
  id: String(article.id),
  title: article.title ?? '',
  body: `${article.lead ?? ''}\n${article.searchText ?? ''}`,
  publishedAt: new Date(article.publishedAt ?? 0),
})

/**
 * Brings one article's entry in line with what readers see: its live version (lib/liveArticles)
 * when it is published, nothing when it is not.
 */
export async function indexArticle(
  payload: Payload,
  id: string | number,
  live: LiveArticle | undefined,
): Promise<void> {
  const store = storeFor(payload)
  if (live?._status === 'published') await store.put(searchEntryOf(live))
  else await store.remove(String(id))
}

/** Puts many published articles in at once (a bulk load that wrote them without the hooks). */
export async function indexArticles(payload: Payload, articles: LiveArticle[]): Promise<void> {
  await storeFor(payload).putMany(articles.map(searchEntryOf))
}

/** Takes a deleted article out of the index. */
export async function dropArticle(payload: Payload, id: string | number): Promise<void> {
  await storeFor(payload).remove(String(id))
}

/** A page of matches, with what of the query was left out or looked for in titles only. */
export type ArticleSearch = SearchHits & Omit<SearchPlan, 'words'>

/** One page of the articles matching a normalized query (lib/search normalizeQuery). */
export async function searchArticleIds(
  payload: Payload,
  query: string,
  page: number,
  perPage: number,
): Promise<ArticleSearch> {
  const { words, ...plan } = searchPlan(query)
  const offset = (page - 1) * perPage
  // pages past the counted matches are empty: no search walks further than COUNT_CAP rows
  const limit = offset < COUNT_CAP ? perPage : 0
  return { ...(await storeFor(payload).search(words, offset, limit)), ...plan }
}

/** Empties the index (ensureSearchIndex or rebuildSearchIndex fills it again). */
export async function clearSearchIndex(payload: Payload): Promise<void> {
  await storeFor(payload).clear()
}

/** Empties the index and fills it again from every published article. Returns the count. */
export async function rebuildSearchIndex(payload: Payload): Promise<number> {
  const store = storeFor(payload)
  await store.clear()
  return eachPublishedArticle(payload, (batch) => store.putMany(batch.map(searchEntryOf)))
}

/**
 * At start-up: an empty index (a new index file, a restored backup, a database filled by
 * another tool) is filled from the published articles, so search never silently finds nothing.
 */
export async function ensureSearchIndex(payload: Payload): Promise<void> {
  if ((await storeFor(payload).size()) > 0) return
  const { totalDocs } = await payload.count({
    collection: 'articles',
    where: { _status: { equals: 'published' } },
    overrideAccess: true,
  })
  if (!totalDocs) return
  const count = await rebuildSearchIndex(payload)
  payload.logger.info(`Search index: built from ${count} published articles`)
}
