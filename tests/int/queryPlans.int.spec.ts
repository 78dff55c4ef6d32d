import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import {
  getApprovedReviews,
  getPublishedReviewCount,
  getReviewSitemapDates,
  getReviewSitemapFile,
} from '@/lib/queries/agents'
import {
  getArticleSitemapDates,
  getArticleSitemapFile,
  getArticlesFeaturingAgent,
  getPersonArticles,
  getArticlesInCategory,
  getCategoryArticleCount,
  getFeaturedArticles,
  getLatestArticles,
  getPublishedArticleCount,
} from '@/lib/queries/articles'
import { recordStatements } from '@/lib/sqliteClient'
import {
  articleData,
  createAgent,
  createCategory,
  createUser,
  reviewData,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'
import { runsOn } from '@/tests/helpers/testDatabase'
import type { Agent, Category, User } from '@/payload-types'

// The plans SQLite chooses for the hot reads of the reader pages, as Payload issues them:
// each getter runs while its statements are recorded (lib/sqliteClient.ts), and each SELECT is
// explained. A plan that reads a whole large table, or sorts every matching row of one to
// return the first few, grows with the archive; at 100,000 articles it is the slow page.
// SQLite only: MongoDB's plans are its own (its indexes are declared in the same collections).

type Client = {
  execute(stmt: { sql: string; args: unknown }): Promise<{ rows: Record<string, unknown>[] }>
}
type Plan = { detail: string; parent: number }[]

/** Tables that grow with the archive, readers or clicks. */
const LARGE = [
  'articles',
  '_articles_v',
  'article_listings',
  'reviews',
  'review_votes',
  'review_reports',
  'clicks',
]

let payload: Payload
let categoryId: Category['id']
let agentId: Agent['id']
let authorId: User['id']

beforeAll(async () => {
  payload = await getTestPayload()
  const category = await createCategory(payload)
  categoryId = category.id
  agentId = (await createAgent(payload)).id
  await payload.create({
    collection: 'reviews',
    overrideAccess: true,
    depth: 0,
    data: reviewData(agentId, { status: 'approved' }),
  })
  const author = await createUser(payload, 'writer')
  authorId = author.id
  for (const featured of [true, false]) {
    await payload.create({
      collection: 'articles',
      overrideAccess: true,
      depth: 0,
      data: articleData(category.id, author.id, { _status: 'published', featured }),
    })
  }
})

async function plansOf(read: () => Promise<unknown>): Promise<{ sql: string; plan: Plan }[]> {
  const client = (payload.db as unknown as { client: Client }).client
  const statements = await recordStatements(read)
  const selects = statements.filter((s) => /^\s*select\b/i.test(s.sql))
  expect(selects.length, 'the read ran at least one query').toBeGreaterThan(0)
  return Promise.all(
    selects.map(async ({ sql, args }) => {
      const { rows } = await client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args })
      return {
        sql,
        plan: rows.map((r) => ({ detail: String(r.detail), parent: Number(r.parent) })),
      }
    }),
  )
}

/** The outer query's reads of large tables, but those that `except` matches. */
function outerLargeReads(plan: Plan, except: RegExp): string[] {
  return plan
    .filter(({ parent }) => parent === 0)
    .map(({ detail }) => detail)
    .filter((detail) => {
      const table = /^(?:SEARCH|SCAN) (\w+)/.exec(detail)?.[1]
      return table !== undefined && LARGE.includes(table) && !except.test(detail)
    })
}

/**
 * What in a plan grows with a large table: a full scan of it, or a full sort of the rows the
 * outer query reads from it (sorting the few rows of an `id in (…)` lookup is no such thing).
 */
function growing(plan: Plan): string[] {
  // the outer query's large tables, unless it reads them by primary key (a page of ids)
  const outerIsLarge = outerLargeReads(plan, /USING (INTEGER )?PRIMARY KEY \(rowid=\?\)/).length > 0
  return plan
    .filter(
      ({ detail, parent }) =>
        LARGE.some((table) =>
          new RegExp(`^SCAN ${table}\\b(?! USING (COVERING )?INDEX)`).test(detail),
        ) ||
        (outerIsLarge && parent === 0 && detail === 'USE TEMP B-TREE FOR ORDER BY'),
    )
    .map(({ detail }) => detail)
}
/**
 * Equality filters on a large table that its index does not constrain: an index found for the
 * order or for another filter, with every row it yields tested against these one by one (the
 * featured articles read every published article to find a few). A filter the plan does not
 * name next to the index (`USING INDEX x (a=? AND b=?)`) is such a test.
 */
function filteredRowByRow(sql: string, plan: Plan): string[] {
  return plan
    .filter(({ parent }) => parent === 0)
    .flatMap(({ detail }) => {
      const [, verb, table, constraints = ''] =
        /^(SEARCH|SCAN) (\w+)(?: USING (?:COVERING )?INDEX \w+(?: \((.*)\))?)?/.exec(detail) ?? []
      if (!verb || !table || !LARGE.includes(table)) return []
      if (/USING (INTEGER )?PRIMARY KEY/.test(detail)) return []
      const filters = [...sql.matchAll(new RegExp(`"${table}"\\."(\\w+)" = \\?`, 'g'))].map(
        (m) => m[1]!,
      )
      return [...new Set(filters)]
        .filter((column) => !new RegExp(`\\b${column}=`).test(constraints))
        .map((column) => `${detail}: ${table}.${column} tested row by row`)
    })
}

/**
 * A page past the first (`offset ?`) read from a large table through an index that does not hold
 * every column it returns: SQLite reads each skipped row from the table too, so page 250 of a
 * category read 2,490 rows spread over the whole table to return ten.
 */
function skippedThroughTable(sql: string, plan: Plan): string[] {
  if (!/\boffset \?/i.test(sql)) return []
  return outerLargeReads(plan, /USING COVERING INDEX|USING (INTEGER )?PRIMARY KEY/).map(
    (detail) => `${detail}: every skipped row read from the table`,
  )
}

describe.runIf(
  runsOn(
    'sqlite',
    "EXPLAIN QUERY PLAN is SQLite's; the MongoDB indexes are declared on the collections",
  ),
)('query plans (SQLite)', () => {
  it.each([
    ['newest articles (home, its pages)', () => getLatestArticles(3)],
    ['featured articles (home)', () => getFeaturedArticles()],
    ['published article count (sitemap index)', () => getPublishedArticleCount()],
    ['an article sitemap file', () => getArticleSitemapFile(0, 10_000)],
    ['an article sitemap file past the first', () => getArticleSitemapFile(1, 1)],
    ['published review count (sitemap index)', () => getPublishedReviewCount()],
    ['a review sitemap file', () => getReviewSitemapFile(0, 10_000)],
    ['a review sitemap file past the first', () => getReviewSitemapFile(1, 1)],
    ['a category page', () => getArticlesInCategory(categoryId, 2)],
    ['a category page count', () => getCategoryArticleCount(categoryId)],
    ['articles featuring an agent (agent page)', () => getArticlesFeaturingAgent(agentId)],
    ['an author’s page', () => getPersonArticles(authorId, 'author', 2)],
    ['a supervisor’s page', () => getPersonArticles(authorId, 'supervisor', 1)],
    ...(['-publishedAt', '-updatedAt'] as const).map(
      (sort) =>
        [
          `the admin's article list (latest versions), ${sort}`,
          () => payload.find({ collection: 'articles', draft: true, sort, limit: 10, depth: 0 }),
        ] as const,
    ),
    [
      "the review queue's pending reviews, oldest first",
      () =>
        payload.find({
          collection: 'reviews',
          where: { status: { equals: 'pending' } },
          sort: 'submittedAt',
          limit: 100,
          depth: 0,
        }),
    ],
    ...(['newest', 'highest', 'lowest', 'helpful'] as const).map(
      (sort) =>
        [`an agent's reviews, ${sort} first`, () => getApprovedReviews(agentId, 3, sort)] as const,
    ),
  ] as const)(
    '%s: no full scan or full sort of a large table, no filter left to a row-by-row test, no page skipped through the table',
    async (_name, read) => {
      for (const { sql, plan } of await plansOf(read)) {
        expect(growing(plan), sql).toEqual([])
        expect(filteredRowByRow(sql, plan), sql).toEqual([])
        expect(skippedThroughTable(sql, plan), sql).toEqual([])
      }
    },
  )

  it.each([
    ['articles', '_status', 'published_at', () => getArticleSitemapDates(2, 1)],
    ['reviews', 'status', 'submitted_at', () => getReviewSitemapDates(2, 1)],
  ] as const)(
    'the sitemap index’s %s file dates: each file’s newest change read from one index over its range of dates, never from the rows',
    async (table, status, date, dates) => {
      // the sort is of one file's index entries (at most 10,000), not of the archive
      const reads = (await plansOf(dates)).flatMap(({ sql, plan }) =>
        plan
          .filter(
            ({ parent, detail }) =>
              parent === 0 && new RegExp(`^(SEARCH|SCAN) ${table}\\b`).test(detail),
          )
          .map(({ detail }) => [sql, detail] as const),
      )
      expect(reads.length).toBeGreaterThan(0)
      for (const [sql, detail] of reads) {
        if (/USING INTEGER PRIMARY KEY/.test(detail)) continue
        expect(detail, sql).toMatch(
          new RegExp(`^SEARCH ${table} USING COVERING INDEX \\w+ \\(${status}=\\?`),
        )
        if (new RegExp(`order by "${table}"\\."updated_at"`).test(sql))
          expect(detail, sql).toMatch(new RegExp(`${date}[<>]`))
      }
    },
  )
})

// MongoDB has no EXPLAIN step here (the stand-in plans nothing); what can be checked is that the
// indexes the hot reads need exist on the collections, as mongoose builds them from the
// collections' `index` and `indexes` at start.
describe.runIf(runsOn('mongodb', "the indexes MongoDB builds from the collections' declarations"))(
  'indexes (MongoDB)',
  () => {
    const wanted: [string, string[]][] = [
      ['articles', ['_status', 'publishedAt', 'createdAt', 'updatedAt']],
      ['articles', ['featured', '_status', 'publishedAt', 'createdAt']],
      ['articles', ['author', '_status', 'publishedAt', 'createdAt']],
      ['articles', ['supervisor', '_status', 'publishedAt', 'createdAt']],
      ['articles', ['categories']],
      ['articles', ['featuredAgents']],
      ['articles', ['slug']],
      ['article-listings', ['list', 'publishedAt', 'createdAt']],
      ['reviews', ['agent', 'status', 'submittedAt', 'createdAt']],
      ['reviews', ['agent', 'status', 'rating', 'submittedAt', 'createdAt']],
      ['reviews', ['agent', 'status', 'helpfulCount', 'submittedAt', 'createdAt']],
      ['reviews', ['status', 'submittedAt', 'createdAt', 'updatedAt']],
      ['reviews', ['readerKey', 'submittedAt']],
      ['affiliate-links', ['agent']],
      ['click-rollups', ['grain', 'day', 'isBot', 'link', 'clicks', 'uniques']],
    ]
    it.each(wanted)('%s has an index on %j', async (collection, keys) => {
      const model = (payload.db as unknown as MongooseAdapter).collections[collection]!
      await model.ensureIndexes()
      const indexes = (await model.listIndexes()) as { key: Record<string, unknown> }[]
      expect(indexes.map((index) => Object.keys(index.key))).toContainEqual(keys)
    })
  },
)
