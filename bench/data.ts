// npm run bench:data -- --articles 100000 --reviews 1000000 [--agents 300] [--categories 30]
//   [--db data/bench-scale/site.db]
//
// Makes a large archive on the embedded database for the scale bench (bench/scale.ts): the demo
// site seeded first, then categories and agents up to the given numbers through the Local API,
// then published articles of realistic Japanese text (bench/archiveText.ts) and approved reviews
// spread over the agents. The bulk is written by SQL copies of one article and one review that
// the Local API made, so every row has the shape Payload writes (the article with its version,
// its category rows and its row in the category's list; the review with its derived keys);
// each copy gets its own text, dates, category or agent. The agents' figures and the search index are then rebuilt through the
// site's own code. The clicks' history at scale is bench:report's (10 million clicks).
// Only the embedded database: a MongoDB generator is not written yet.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

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
const file = path.resolve(values.db!)

process.env.DATABASE_URI = `file:${file}`
// the schema from the committed migrations, as in production (no schema push)
Object.assign(process.env, { NODE_ENV: 'production' })
process.env.PAYLOAD_SECRET ||= 'bench-only-secret-not-for-production-0123456789'
const started = Date.now()
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`)

if (!existsSync(file)) {
  const seeded = spawnSync(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'scripts/seed.ts'],
    { stdio: ['ignore', 'ignore', 'inherit'], env: process.env },
  )
  if (seeded.status !== 0) throw new Error('seeding the bench database failed')
  log('demo site seeded')
}

const { createLocalReq, getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const { doc, h2, p, text } = await import('../scripts/seed/lexical')
const { lexicalToPlainText } = await import('../lib/lexicalText')
const { reviewFingerprint } = await import('../lib/reviewFingerprint')
const { attributeKey } = await import('../lib/reviewPrivacy')
const { rebuildSearchIndex } = await import('../lib/searchIndex')
const { refreshAgentRating } = await import('../collections/Reviews/hooks/refreshAgentRating')

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

// ---- the bulk: SQL copies of those rows --------------------------------------------------------
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

// publication dates over the last eight years, oldest first, a few minutes apart at 100,000
const END = Date.parse('2026-12-01T00:00:00.000Z')
const SPAN = 8 * 365 * 24 * 60 * 60 * 1000
const BATCH = 2000
const addArticles = db.transaction((from: number, to: number) => {
  for (let n = from; n < to; n++) {
    const t = articleText(random, n)
    const json = JSON.stringify(body(t))
    const at = new Date(END - SPAN + Math.floor((SPAN * n) / Math.max(1, ARTICLES))).toISOString()
    const category = categories[n % categories.length]!.id
    const slug = `archive-${n}`
    const searchText = lexicalToPlainText(body(t) as never)
    const id = copyArticle(article, {
      title: t.title,
      slug,
      lead: t.lead,
      body: json,
      search_text: searchText,
      published_at: at,
      created_at: at,
      updated_at: at,
      featured: 0,
    })
    for (const rel of rels) {
      copyRel(rel, { parent_id: id, categories_id: rel.categories_id === null ? null : category })
    }
    copyListing(listing, {
      article_id: id,
      list: `category:${category}`,
      published_at: at,
      created_at: at,
      updated_at: at,
    })
    const versionId = copyVersion(version, {
      parent_id: id,
      version_title: t.title,
      version_slug: slug,
      version_lead: t.lead,
      version_body: json,
      version_search_text: searchText,
      version_published_at: at,
      version_created_at: at,
      version_updated_at: at,
      version_featured: 0,
      created_at: at,
      updated_at: at,
    })
    for (const rel of versionRels) {
      copyVersionRel(rel, {
        parent_id: versionId,
        categories_id: rel.categories_id === null ? null : category,
      })
    }
  }
})
for (let n = 1; n < ARTICLES; n += BATCH) {
  addArticles(n, Math.min(ARTICLES, n + BATCH))
  if ((n - 1) % 20_000 === 0) log(`articles: ${Math.min(ARTICLES, n + BATCH)} of ${ARTICLES}`)
}
log(`${ARTICLES} articles`)

const review = rowsOf('reviews', 'id', templateReview.id)[0]!
const copyReview = copier('reviews')
const AGES = ['20s', '30s', '40s', '50s_plus', 'no_answer'] as const
const GENDERS = ['male', 'female', 'no_answer'] as const
const INDUSTRIES = ['it', 'media', 'consulting', 'finance', 'manufacturing', 'retail'] as const
const EXPERIENCE = ['lt1', '1_3', '3_5', '5_10', '10_plus'] as const
const USAGE = ['registered', 'interviewed', 'offered', 'joined'] as const
const addReviews = db.transaction((from: number, to: number) => {
  for (let n = from; n < to; n++) {
    const t = reviewText(random, n)
    const reviewBody = `${t.body}(口コミ${n})`
    const attributes = {
      ageBand: random.pick(AGES),
      gender: random.pick(GENDERS),
      industry: random.pick(INDUSTRIES),
      experienceYears: random.pick(EXPERIENCE),
    }
    const at = new Date(END - Math.floor(random.next() * SPAN)).toISOString()
    // one in twenty waits for moderation, as a busy queue does
    const status = n % 20 === 0 ? 'pending' : 'approved'
    copyReview(review, {
      agent_id: agents[Math.floor(random.next() ** 2 * agents.length)]!.id,
      rating: 1 + Math.floor(random.next() * 5),
      title: t.title,
      body: reviewBody,
      body_fingerprint: reviewFingerprint(reviewBody),
      age_band: attributes.ageBand,
      gender: attributes.gender,
      industry: attributes.industry,
      experience_years: attributes.experienceYears,
      attribute_key: attributeKey(attributes),
      usage: random.pick(USAGE),
      status,
      submitted_at: at,
      created_at: at,
      updated_at: at,
      helpful_count: Math.floor(random.next() ** 4 * 30),
    })
  }
})
for (let n = 1; n < REVIEWS; n += BATCH * 5) {
  addReviews(n, Math.min(REVIEWS, n + BATCH * 5))
  if ((n - 1) % 200_000 === 0) log(`reviews: ${Math.min(REVIEWS, n + BATCH * 5)} of ${REVIEWS}`)
}
log(`${REVIEWS} reviews`)
for (const { sql } of indexes) db.exec(sql)
db.close()
log(`${indexes.length} indexes built again`)

// ---- what the site derives, through its own code -----------------------------------------------
const req = await createLocalReq({}, payload)
for (const agent of agents) await refreshAgentRating(req, agent.id)
log('agents’ ratings refreshed')
log(`search index: ${await rebuildSearchIndex(payload)} published articles`)
await payload.destroy()
process.exit(0)
