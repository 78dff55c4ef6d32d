// npm run bench:scale: every page kind at 1,000, 10,000 and 100,000 articles (BENCH_SIZES),
// with ten reviews per article (a million at 100,000).
//
// For each size: the archive is made by bench/data.ts in data/bench-scale-<n>/ (kept and
// reused while its size marker matches), the site is started on it (port 3440), and then
// - cold renders: for each page kind, BENCH_COLD (default 40) addresses nobody has asked for
//   since the start, one at a time, spread over the whole archive (deep pages included), each
//   timed to its last byte: p50 / p95 / max;
// - warm: the first of those addresses again, now from the page cache, under wrk (10
//   connections, BENCH_SECONDS): requests/s and p50 / p99;
// - the admin, signed in as the demo editor: the articles list (the admin's own page and the
//   REST call it makes), the review queue, each p50 / max of five;
// - every admin screen as each role (bench/adminScreens.ts: the dashboard, every collection's
//   list and an edit view, compliance view and CSV, review queue, click report), p50 / max of
//   five, while a reader reads the cached article without pause (its p50 / p99 / max), and the
//   server's peak resident memory after them.
// BENCH_PARTS (default pages,admin) picks the parts: `admin` alone skips the page kinds.
// The growth factor of each p95 from the smallest size to the largest is the figure that says
// whether a page's cost grows with the archive. The table goes to bench/results/scale-*.md.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'

import Database from 'better-sqlite3'

import { adminScreens, peakRssMb, type ReaderFigures, type ScreenRow } from './adminScreens'
import { benchServer, CLIENT, editorToken, measure, quantile, round } from './server'

const SIZES = (process.env.BENCH_SIZES || '1000,10000,100000').split(',').map(Number)
const COLD = Number(process.env.BENCH_COLD || 40)
// one more address per kind than COLD: the first warms the code up
const ADDRESSES = COLD + 1
const SECONDS = Number(process.env.BENCH_SECONDS || 5)
const PORT = 3440
const PARTS = new Set((process.env.BENCH_PARTS || 'pages,admin').split(','))
// ten articles or reviews a page, as lib/queries (ARTICLES_PER_PAGE, REVIEWS_PER_PAGE)
const PER_PAGE = 10

/** Times one GET to its last byte; fails the bench on anything but 200. */
async function timed(url: string, headers?: Record<string, string>): Promise<number> {
  const t = performance.now()
  const res = await fetch(url, { headers, redirect: 'manual' })
  await res.arrayBuffer()
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`)
  return performance.now() - t
}

const spread = (count: number, max: number) =>
  [...new Set(Array.from({ length: count }, (_, i) => 1 + Math.floor((i * max) / count)))].slice(
    0,
    count,
  )

const SEARCH_WORDS = [
  '年収',
  '転職',
  '副業',
  'エージェント',
  '面接',
  '職務経歴書',
  'フリーランス',
  '確定申告',
  '単価',
  '契約',
  'リモート',
  '内定',
  '退職',
  'キャリア',
  '未経験',
  '外資系',
  'PMO',
  'IT',
  '担当者',
  '求人',
]

/** The addresses of each page kind for an archive of this size, read from its database. */
function addresses(file: string, articles: number) {
  const db = new Database(file, { readonly: true })
  const slugs = (sql: string) => (db.prepare(sql).all() as { slug: string }[]).map((r) => r.slug)
  const agents = slugs('SELECT slug FROM agents ORDER BY review_count DESC')
  const categories = slugs('SELECT slug FROM categories ORDER BY id')
  const busiest = db
    .prepare('SELECT slug, review_count AS n FROM agents ORDER BY review_count DESC LIMIT 1')
    .get() as { slug: string; n: number }
  db.close()
  const perCategory = Math.ceil(articles / categories.length)
  return {
    article: spread(ADDRESSES, articles - 1).map((n) => `/articles/archive-${n}`),
    agent: spread(ADDRESSES, agents.length).map((i) => `/agents/${agents[i - 1]}`),
    'agent, review pages': spread(ADDRESSES, Math.min(1000, Math.ceil(busiest.n / PER_PAGE))).map(
      (page) => `/agents/${busiest.slug}?page=${page}`,
    ),
    home: spread(ADDRESSES, Math.min(1000, Math.ceil(articles / PER_PAGE))).map((page) =>
      page === 1 ? '/' : `/?page=${page}`,
    ),
    category: spread(ADDRESSES, categories.length * 4).map((i) => {
      const slug = categories[(i - 1) % categories.length]
      const page = 1 + Math.floor(((i - 1) / categories.length) * (perCategory / PER_PAGE / 4))
      return page === 1 ? `/categories/${slug}` : `/categories/${slug}?page=${page}`
    }),
    search: spread(ADDRESSES, SEARCH_WORDS.length * 2).map((i) => {
      const word = SEARCH_WORDS[(i - 1) % SEARCH_WORDS.length]!
      const page = i > SEARCH_WORDS.length ? 5 : 1
      return `/search?q=${encodeURIComponent(word)}${page > 1 ? `&page=${page}` : ''}`
    }),
  }
}

type Row = { size: number; kind: string; p50: number; p95: number; max: number; rps?: number }
const rows: Row[] = []
const admin: { size: number; what: string; p50: number; max: number }[] = []
const screens: (ScreenRow & { size: number })[] = []
const during: (ReaderFigures & { size: number; rssMb: number })[] = []

for (const size of SIZES) {
  const folder = `data/bench-scale-${size}`
  const file = `${folder}/site.db`
  const marker = `${folder}/generated.json`
  const wanted = JSON.stringify({ articles: size, reviews: size * 10 })
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== wanted) {
    spawnSync('rm', ['-rf', folder])
    mkdirSync(folder, { recursive: true })
    const started = Date.now()
    const made = spawnSync(
      process.execPath,
      [
        '--conditions=production',
        '--import',
        'tsx',
        'bench/data.ts',
        `--articles=${size}`,
        `--reviews=${size * 10}`,
        `--db=${file}`,
      ],
      { stdio: 'inherit' },
    )
    if (made.status !== 0) throw new Error(`generating ${size} articles failed`)
    writeFileSync(marker, wanted)
    console.log(`${size} articles generated in ${Math.round((Date.now() - started) / 1000)} s`)
  }

  const site = benchServer(PORT, `file:./${file}`)
  const child = site.start()
  try {
    await site.ready(Date.now() + 600_000)
    const kinds = addresses(file, size)
    for (const [kind, all] of Object.entries(PARTS.has('pages') ? kinds : {})) {
      // the first address of each kind warms the server's code for that page; not counted
      const [warmUp, ...paths] = all
      await timed(`${site.origin}${warmUp}`)
      const times: number[] = []
      for (const path of paths) times.push(await timed(`${site.origin}${path}`))
      times.sort((a, b) => a - b)
      const warm = await measure(`${site.origin}${paths[0]}`, undefined, SECONDS, 10)
      if (warm.errors) throw new Error(`${kind}: ${warm.errors} errors under load`)
      rows.push({
        size,
        kind,
        p50: round(quantile(times, 0.5)),
        p95: round(quantile(times, 0.95)),
        max: round(times.at(-1)!),
        rps: warm.rps,
      })
      console.log(JSON.stringify(rows.at(-1)))
    }
    const token = await editorToken(site.origin)
    const auth = { Authorization: `JWT ${token}`, Cookie: `payload-token=${token}` }
    for (const [what, path] of [
      ['articles list (admin page)', '/admin/collections/articles'],
      [
        'articles list (its REST call)',
        '/api/articles?depth=0&draft=true&limit=10&sort=-updatedAt',
      ],
      ['review queue (admin page)', '/admin/review-queue'],
    ] as const) {
      const times: number[] = []
      for (let i = 0; i < 5; i++) times.push(await timed(`${site.origin}${path}`, auth))
      times.sort((a, b) => a - b)
      admin.push({ size, what, p50: round(quantile(times, 0.5)), max: round(times.at(-1)!) })
      console.log(JSON.stringify(admin.at(-1)))
    }
    if (PARTS.has('admin')) {
      // the reader's article, in the page cache before the screens start
      const article = kinds.article[1]!
      for (let i = 0; i < 3; i++) await timed(`${site.origin}${article}`)
      const result = await adminScreens(site.origin, article)
      screens.push(...result.rows.map((row) => ({ ...row, size })))
      during.push({ ...result.reader, size, rssMb: peakRssMb(child.pid!) })
      console.log(JSON.stringify(during.at(-1)))
    }
  } finally {
    await site.stop(child)
  }
}

const first = SIZES[0]!
const last = SIZES.at(-1)!
const factor = (kind: string) => {
  const a = rows.find((r) => r.size === first && r.kind === kind)?.p95
  const b = rows.find((r) => r.size === last && r.kind === kind)?.p95
  return a && b ? `${(b / a).toFixed(2)}×` : '—'
}
const kinds = [...new Set(rows.map((r) => r.kind))]
const report = [
  `# Scale: ${SIZES.join(' / ')} articles (${new Date().toISOString()}, ${CLIENT})`,
  '',
  `Cold: ${COLD} addresses per kind, first request each. Warm: the first address from the page cache, 10 connections, ${SECONDS} s.`,
  '',
  '| page kind | articles | cold p50 ms | cold p95 ms | cold max ms | warm req/s |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.kind} | ${r.size.toLocaleString('en')} | ${r.p50} | ${r.p95} | ${r.max} | ${r.rps} |`,
  ),
  '',
  `| page kind | cold p95 growth ${first.toLocaleString('en')} → ${last.toLocaleString('en')} |`,
  '| --- | ---: |',
  ...kinds.map((kind) => `| ${kind} | ${factor(kind)} |`),
  '',
  '| admin | articles | p50 ms | max ms |',
  '| --- | ---: | ---: | ---: |',
  ...admin.map((a) => `| ${a.what} | ${a.size.toLocaleString('en')} | ${a.p50} | ${a.max} |`),
  '',
  '| admin screen | role | articles | status | p50 ms | max ms |',
  '| --- | --- | ---: | ---: | ---: | ---: |',
  ...screens.map(
    (r) =>
      `| ${r.screen} | ${r.role} | ${r.size.toLocaleString('en')} | ${r.status} | ${r.p50} | ${r.max} |`,
  ),
  '',
  '| reader of a cached article during the screens | articles | requests | p50 ms | p99 ms | max ms | over 100 ms | server peak RSS MB |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...during.map(
    (d) =>
      `| one client, no pause | ${d.size.toLocaleString('en')} | ${d.requests} | ${d.p50} | ${d.p99} | ${d.max} | ${d.over100} | ${d.rssMb} |`,
  ),
  '',
].join('\n')
console.log(`\n${report}`)
mkdirSync('bench/results', { recursive: true })
writeFileSync(`bench/results/scale-${Date.now()}.md`, report)
process.exit(0)
