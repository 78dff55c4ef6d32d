// npm run bench:data -- --articles 100000 --reviews 1000000 [--agents 300] [--categories 30]
//   [--db data/bench-scale/site.db | --db mongodb://host:27017/career-bench]
//
// Makes a large archive for the scale bench (bench/scale.ts), on the embedded database or on
// MongoDB: the demo site seeded first, then categories and agents up to the given numbers
// through the Local API, then published articles of realistic Japanese text
// (bench/archiveText.ts) and approved reviews spread over the agents. The bulk is written as
// copies of one article and one review that the Local API made, so every row has the shape
// Payload writes (the article with its version, its category rows and its row in the category's
// list; the review with its derived keys); each copy gets its own text, dates, category or
// agent. On SQLite they are SQL copies of the rows (secondary indexes dropped and built again at
// the end); on MongoDB, copies of the documents written with insertMany. The search index takes
// each batch of copies as it is written (a bulk load runs no hooks; on SQLite a worker thread
// indexes while the copies go on, bench/searchWorker.ts), and the agents' figures and the
// uploads' public uses are then recomputed through the site's own code. The clicks'
// history at scale is bench:report's (10 million clicks).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Worker } from 'node:worker_threads'

import Database from 'better-sqlite3'

import { CATEGORY_NAMES, articleText, reviewText, seeded, type ArchiveText } from './archiveText'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    reviews: { type: 'string', default: '10000' },
    agents: { type: 'string', default: '300' },
    categories: { type: 'string', default: '30' },
    db: { type: 'string', default: 'data/bench-scale/site.db' },
  },
})
const count = (name: keyof typeof values) => {
  const n = Number(values[name])
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`)
  return n
}
const ARTICLES = count('articles')
const REVIEWS = count('reviews')
const AGENTS = Math.max(1, count('agents'))
const CATEGORIES = Math.min(CATEGORY_NAMES.length, Math.max(1, count('categories')))
const onMongo = /^mongodb(\+srv)?:\/\//.test(values.db!)
const file = onMongo ? '' : path.resolve(values.db!)

process.env.DATABASE_URI = onMongo ? values.db! : `file:${file}`
// the schema from the committed migrations, as in production (no schema push)
Object.assign(process.env, { NODE_ENV: 'production' })
process.env.PAYLOAD_SECRET ||= 'bench-only-secret-not-for-production-0123456789'
const started = Date.now()
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`)

// the seed is idempotent: on MongoDB it runs every time (it only adds what is missing)
if (onMongo || !existsSync(file)) {
  const seeded = spawnSync(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'scripts/seed.ts'],
    { stdio: ['ignore', 'ignore', 'inherit'], env: process.env },
  )
  if (seeded.status !== 0) throw new Error('seeding the bench database failed')
  log('demo site seeded')
}

const { commitTransaction, createLocalReq, getPayload, initTransaction } = await import('payload')
const { default: config } = await import('../payload.config')
const { doc, h2, p, text } = await import('../scripts/seed/lexical')
const { lexicalToPlainText } = await import('../lib/lexicalText')
const { reviewFingerprint } = await import('../lib/reviewFingerprint')
const { attributeKey } = await import('../lib/reviewPrivacy')
const { indexArticles, rebuildSearchIndex, searchEntryOf } = await import('../lib/searchIndex')
const { searchIndexFile } = await import('../lib/searchIndex/sqlite')
const { indexReviews } = await import('../lib/searchIndex/reviews')
const { refreshAgentRating } = await import('../collections/Reviews/hooks/refreshAgentRating')
const { rebuildMediaUses } = await import('../lib/mediaUses')

const payload = await getPayload({ config })
const sys = { overrideAccess: true, depth: 0, context: { disableRevalidate: true } } as const
const random = seeded(20261203)

// ---- categories and agents, through the Local API --------------------------------------------
const categories = (await payload.find({ ...sys, collection: 'categories', pagination: false }))
  .docs
for (let i = categories.length; i < CATEGORIES; i++) {
  categories.push(
    await payload.create({
      ...sys,
      collection: 'categories',
      data: { name: `${CATEGORY_NAMES[i]}`, slug: `archive-category-${i + 1}` },
    }),
  )
}
const agents = (await payload.find({ ...sys, collection: 'agents', pagination: false })).docs
const KINDS = ['job_change', 'freelance'] as const
for (let i = agents.length; i < AGENTS; i++) {
  agents.push(
    await payload.create({
      ...sys,
      collection: 'agents',
      data: {
        name: `アーカイブエージェント${i + 1}`,
        slug: `archive-agent-${i + 1}`,
        kind: KINDS[i % 2]!,
        catchCopy: '計測用に作られたエージェントです',
        description: '大規模な記事と口コミでの表示速度を計測するためのエージェントです。',
        strengths: [{ text: '計測用' }],
      },
    }),
  )
}
log(`${categories.length} categories, ${agents.length} agents`)

// ---- one article and one review through the Local API: the rows every copy starts from -------
const author = (await payload.find({ ...sys, collection: 'users', limit: 1, sort: 'id' })).docs[0]
if (!author) throw new Error('the seeded site has no user')
const body = (t: ArchiveText) =>
  doc(...t.sections.flatMap((s) => [h2(s.heading), ...s.paragraphs.map((x) => p(text(x)))]))
const first = articleText(random, 0)
const template = await payload.create({
  ...sys,
  collection: 'articles',
  data: {
    title: 'アーカイブの記事(複製元)',
    slug: 'archive-template',
    lead: first.lead,
    body: body(first) as never,
    categories: [categories[0]!.id],
    author: author.id,
    _status: 'published',
    workflowState: 'published',
    publishedAt: '2018-01-01T00:00:00.000Z',
  } as never,
})
const templateReview = await payload.create({
  ...sys,
  collection: 'reviews',
  data: {
    agent: agents[0]!.id,
    rating: 4,
    ...reviewText(random, 0),
    usage: 'registered',
    status: 'approved',
    source: 'form',
    submittedAt: '2020-01-01T00:00:00.000Z',
  } as never,
})

// the search index: the articles so far, then each batch of copies as it is written
log(`search index: ${await rebuildSearchIndex(payload)} published articles before the copies`)

// ---- the bulk: copies of those rows -------------------------------------------------------------
// publication dates over the last eight years, oldest first, a few minutes apart at 100,000
const END = Date.parse('2026-12-01T00:00:00.000Z')
const SPAN = 8 * 365 * 24 * 60 * 60 * 1000
const BATCH = 2000

/** What the n-th article copy has of its own. */
function articleCopy(n: number) {
  const t = articleText(random, n)
  const lexical = body(t)
  return {
    title: t.title,
    slug: `archive-${n}`,
    lead: t.lead,
    body: lexical,
    searchText: lexicalToPlainText(lexical as never),
    at: new Date(END - SPAN + Math.floor((SPAN * n) / Math.max(1, ARTICLES))).toISOString(),
    category: categories[n % categories.length]!.id,
  }
}

type Written = Parameters<typeof indexArticles>[1][number]
type ReviewEntry = import('../lib/searchIndex/reviews/types').ReviewEntry
type SearchBatch = import('./searchWorker').SearchBatch

/** What the search index keeps of a copy (the articles' hooks are not run by a bulk load). */
const searchEntry = (id: number | string, c: ReturnType<typeof articleCopy>): Written =>
  ({
    id,
    title: c.title,
    lead: c.lead,
    searchText: c.searchText,
    publishedAt: c.at,
    _status: 'published',
  }) as Written

const AGES = ['20s', '30s', '40s', '50s_plus', 'no_answer'] as const
const GENDERS = ['male', 'female', 'no_answer'] as const
const INDUSTRIES = ['it', 'media', 'consulting', 'finance', 'manufacturing', 'retail'] as const
const EXPERIENCE = ['lt1', '1_3', '3_5', '5_10', '10_plus'] as const
const USAGE = ['registered', 'interviewed', 'offered', 'joined'] as const

/** What the n-th review copy has of its own (field names as the collection's). */
function reviewCopy(n: number) {
  const t = reviewText(random, n)
  const reviewBody = `${t.body}(口コミ${n})`
  const attributes = {
    ageBand: random.pick(AGES),
    gender: random.pick(GENDERS),
    industry: random.pick(INDUSTRIES),
    experienceYears: random.pick(EXPERIENCE),
  }
  return {
    agent: agents[Math.floor(random.next() ** 2 * agents.length)]!.id,
    rating: 1 + Math.floor(random.next() * 5),
    title: t.title,
    body: reviewBody,
    bodyFingerprint: reviewFingerprint(reviewBody),
    ...attributes,
    attributeKey: attributeKey(attributes),
    usage: random.pick(USAGE),
    // one in twenty waits for moderation, as a busy queue does
    status: (n % 20 === 0 ? 'pending' : 'approved') as 'pending' | 'approved',
    at: new Date(END - Math.floor(random.next() * SPAN)).toISOString(),
    helpfulCount: Math.floor(random.next() ** 4 * 30),
  }
}

/** What the review search keeps of a copy (the reviews' hooks are not run by a bulk load). */
const reviewEntry = (id: number | string, c: ReturnType<typeof reviewCopy>): ReviewEntry => ({
  id: String(id),
  agent: String(c.agent),
  title: c.title,
  body: c.body,
  submittedAt: new Date(c.at),
})

/** Runs `write(from, to)` over 1..total in batches, saying how far it is. */
async function inBatches(
  what: string,
  total: number,
  size: number,
  write: (a: number, b: number) => unknown,
) {
  for (let n = 1; n < total; n += size) {
    await write(n, Math.min(total, n + size))
    if ((n - 1) % (size * 10) === 0) log(`${what}: ${Math.min(total, n + size)} of ${total}`)
  }
  log(`${total} ${what}`)
}

/**
 * The search index of the SQLite archive, written by a worker thread (bench/searchWorker.ts)
 * while this one copies: at most a few batches wait for it, so the texts never pile up here.
 */
function searchIndexer() {
  // a worker thread does not take tsx's --import on Node 20: it registers tsx itself first
  const entry = new URL('./searchWorker.ts', import.meta.url).href
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`,
    { eval: true, workerData: { file: searchIndexFile(file) } },
  )
  const WAITING = 3
  let waiting = 0
  let stored = 0
  let failed: Error | undefined
  let wake: (() => void) | undefined
  worker.on('message', (reply: { stored?: number; error?: string }) => {
    if (reply.error) failed ??= new Error(`search index: ${reply.error}`)
    stored += reply.stored ?? 0
    waiting--
    wake?.()
  })
  worker.on('error', (error) => {
    failed ??= error
    wake?.()
  })
  const until = async (done: () => boolean) => {
    while (!done() && !failed) await new Promise<void>((resolve) => (wake = resolve))
    if (failed) throw failed
  }
  const send = async (message: SearchBatch) => {
    await until(() => waiting < WAITING)
    waiting++
    worker.postMessage(message)
  }
  return {
    add: (articles: Written[]) => send({ articles: articles.map(searchEntryOf) }),
    /** the approved ones of a batch of review copies, for the review search */
    addReviews: (reviews: ReviewEntry[]) => send({ reviews }),
    /** Waits for every batch to be stored; returns how many articles and reviews were. */
    async finish() {
      await until(() => waiting === 0)
      await worker.terminate()
      return stored
    },
  }
}

const search = onMongo ? null : searchIndexer()
if (search) await copyOnSqlite(search)
else await copyOnMongo()

/** Copies of the template documents on MongoDB, written with insertMany (the indexes stay). */
async function copyOnMongo() {
  const { Types } = await import('mongoose')
  const db = payload.db as unknown as import('@payloadcms/db-mongodb').MongooseAdapter
  const oid = (id: unknown) => new Types.ObjectId(String(id))
  const lean = async (query: PromiseLike<unknown>) => {
    const found = (await query) as Record<string, unknown> | null
    if (!found) throw new Error('a template document is missing')
    return found
  }
  const article = await lean(db.collections.articles.findById(template.id).lean())
  const version = await lean(
    db.versions.articles.findOne({ parent: oid(template.id), latest: true }).lean(),
  )
  const listing = await lean(
    db.collections['article-listings'].findOne({ article: oid(template.id) }).lean(),
  )
  const review = await lean(db.collections.reviews.findById(templateReview.id).lean())
  const fresh = (doc: Record<string, unknown>) => ({ ...doc, _id: new Types.ObjectId() })

  await inBatches('articles', ARTICLES, BATCH, async (from, to) => {
    const written: Written[] = []
    const articles = []
    const versions = []
    const listings = []
    for (let n = from; n < to; n++) {
      const c = articleCopy(n)
      const at = new Date(c.at)
      const own = {
        title: c.title,
        slug: c.slug,
        lead: c.lead,
        body: c.body,
        searchText: c.searchText,
        publishedAt: at,
        featured: false,
        categories: [oid(c.category)],
      }
      const copy = { ...fresh(article), ...own, createdAt: at, updatedAt: at }
      articles.push(copy)
      written.push(searchEntry(String(copy._id), c))
      versions.push({
        ...fresh(version),
        parent: copy._id,
        version: { ...(version.version as object), ...own, createdAt: at, updatedAt: at },
        createdAt: at,
        updatedAt: at,
      })
      listings.push({
        ...fresh(listing),
        article: copy._id,
        list: `category:${c.category}`,
        publishedAt: at,
        createdAt: at,
        updatedAt: at,
      })
    }
    await db.collections.articles.insertMany(articles, { lean: true })
    await indexArticles(payload, written)
    await db.versions.articles.insertMany(versions, { lean: true })
    await db.collections['article-listings'].insertMany(listings, { lean: true })
  })

  await inBatches('reviews', REVIEWS, BATCH * 5, async (from, to) => {
    const reviews = []
    for (let n = from; n < to; n++) {
      const { at, agent, ...c } = reviewCopy(n)
      const when = new Date(at)
      reviews.push({
        ...fresh(review),
        ...c,
        agent: oid(agent),
        submittedAt: when,
        createdAt: when,
        updatedAt: when,
      })
    }
    await db.collections.reviews.insertMany(reviews, { lean: true })
    await indexReviews(
      payload,
      reviews.map((r) => ({ ...r, id: String(r._id), agent: String(r.agent) })),
    )
  })
}

/** SQL copies of the template rows, into tables whose secondary indexes are built afterwards. */
async function copyOnSqlite(search: ReturnType<typeof searchIndexer>) {
  const db = new Database(file)
  db.pragma('busy_timeout = 10000')
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

  /** Copies rows of a table: every column as in the given row unless overridden; a new id. */
  function copier(table: string) {
    const columns = (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[])
      .map((c) => c.name)
      .filter((name) => name !== 'id')
    const insert = db.prepare(
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns
        .map(() => '?')
        .join(', ')}) RETURNING id`,
    )
    return (row: Record<string, unknown>, set: Record<string, unknown>) =>
      (insert.get(columns.map((c) => (c in set ? set[c] : row[c]))) as { id: number }).id
  }
  const rowsOf = (table: string, where: string, id: unknown) =>
    db.prepare(`SELECT * FROM ${quote(table)} WHERE ${where} = ?`).all(id) as Record<
      string,
      unknown
    >[]

  // Bulk loading: the copied tables' secondary indexes are dropped first and built again at the
  // end (one sorted build each instead of an update per row); a unique index that cannot be
  // built again means the copies collided, and the generator fails.
  const BULK = [
    'articles',
    '_articles_v',
    'articles_rels',
    '_articles_v_rels',
    'article_listings',
    'reviews',
  ]
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK.map(() => '?').join(', ')})`,
    )
    .all(...BULK) as { name: string; sql: string }[]

  const article = rowsOf('articles', 'id', template.id)[0]!
  const version = rowsOf('_articles_v', 'parent_id', template.id).find((v) => v.latest)!
  const rels = rowsOf('articles_rels', 'parent_id', template.id)
  const versionRels = rowsOf('_articles_v_rels', 'parent_id', version.id)
  const copyArticle = copier('articles')
  const copyVersion = copier('_articles_v')
  const copyRel = copier('articles_rels')
  const copyVersionRel = copier('_articles_v_rels')
  // the category list's row (lib/articleListings.ts), as the articles' hooks write it
  const listing = rowsOf('article_listings', 'article_id', template.id)[0]!
  const copyListing = copier('article_listings')

  for (const { name } of indexes) db.exec(`DROP INDEX ${quote(name)}`)

  const addArticles = db.transaction((from: number, to: number) => {
    const written: Written[] = []
    for (let n = from; n < to; n++) {
      const c = articleCopy(n)
      const json = JSON.stringify(c.body)
      const id = copyArticle(article, {
        title: c.title,
        slug: c.slug,
        lead: c.lead,
        body: json,
        search_text: c.searchText,
        published_at: c.at,
        created_at: c.at,
        updated_at: c.at,
        featured: 0,
      })
      for (const rel of rels) {
        copyRel(rel, {
          parent_id: id,
          categories_id: rel.categories_id === null ? null : c.category,
        })
      }
      copyListing(listing, {
        article_id: id,
        list: `category:${c.category}`,
        published_at: c.at,
        created_at: c.at,
        updated_at: c.at,
      })
      const versionId = copyVersion(version, {
        parent_id: id,
        version_title: c.title,
        version_slug: c.slug,
        version_lead: c.lead,
        version_body: json,
        version_search_text: c.searchText,
        version_published_at: c.at,
        version_created_at: c.at,
        version_updated_at: c.at,
        version_featured: 0,
        created_at: c.at,
        updated_at: c.at,
      })
      for (const rel of versionRels) {
        copyVersionRel(rel, {
          parent_id: versionId,
          categories_id: rel.categories_id === null ? null : c.category,
        })
      }
      written.push(searchEntry(id, c))
    }
    return written
  })
  await inBatches('articles', ARTICLES, BATCH, (from, to) => search.add(addArticles(from, to)))

  const review = rowsOf('reviews', 'id', templateReview.id)[0]!
  const copyReview = copier('reviews')
  const addReviews = db.transaction((from: number, to: number) => {
    const approved: ReviewEntry[] = []
    for (let n = from; n < to; n++) {
      const c = reviewCopy(n)
      const id = copyReview(review, {
        agent_id: c.agent,
        rating: c.rating,
        title: c.title,
        body: c.body,
        body_fingerprint: c.bodyFingerprint,
        age_band: c.ageBand,
        gender: c.gender,
        industry: c.industry,
        experience_years: c.experienceYears,
        attribute_key: c.attributeKey,
        usage: c.usage,
        status: c.status,
        submitted_at: c.at,
        created_at: c.at,
        updated_at: c.at,
        helpful_count: c.helpfulCount,
      })
      if (c.status === 'approved') approved.push(reviewEntry(id, c))
    }
    return approved
  })
  await inBatches('reviews', REVIEWS, BATCH * 5, (from, to) =>
    search.addReviews(addReviews(from, to)),
  )
  for (const { sql } of indexes) db.exec(sql)
  db.close()
  log(`${indexes.length} indexes built again`)
}

// ---- what the site derives, through its own code (while the search worker catches up) ---------
// in one transaction: one commit (and one sync to disk) for all the agents instead of one each
const req = await createLocalReq({}, payload)
await initTransaction(req)
for (const agent of agents) await refreshAgentRating(req, agent.id)
// the copies carry the template's references without its hooks: every upload counted again
const media = await rebuildMediaUses(req)
await commitTransaction(req)
log(`agents’ ratings refreshed, public uses of ${media} uploads counted`)
if (search) log(`search index: ${await search.finish()} copies indexed`)
await payload.destroy()
process.exit(0)
