// npm run bench:search: the hostile search set of issue 24 against the production server on a
// copy of the 100,000-article archive, while a second client reads one cached article.
//
// The archive: BENCH_SEARCH_DB (default data/bench-search/site.db, with site.search.db beside
// it), a COPY of the generated archive (bench/data.ts), never the original: the server writes
// to its database and upgrades its search index in place. The site is started on it (port
// 3460) with BENCH_EVENT_LOOP=1, which makes it measure its event loop's delay
// (scripts/server.ts). Then:
// - anchor: the cached article alone, one client, BENCH_ANCHOR_SECONDS (default 5);
// - hostile: the search addresses below, two clients at a time, while the cached article is
//   read by one more client without pause. Every address is asked once, so none comes from the
//   page cache (its key is the query and the page).
// The set: every single kana (hiragana and katakana), the 100 commonest kanji of the archive's
// titles, each with pages 1-50 sampled (page 1, 2, 50 and BENCH_PAGES more at random: all 50
// of each would be 13,450 renders), and long mixed queries (five words of common kana pairs,
// kanji words, letters and lone kana, and 100-character runs of kana), each on page 1 and one
// later page; and the same words, common pairs and long queries searched within the reviews of
// the agent with the most reviews (its page's ?q=, pages 1 and 2). Figures go to the console
// and bench/results/search-*.md.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import Database from 'better-sqlite3'

import { benchServer } from './server'

const DB = process.env.BENCH_SEARCH_DB || 'data/bench-search/site.db'
const PORT = 3460
const EXTRA_PAGES = Number(process.env.BENCH_PAGES || 3)
const ANCHOR_SECONDS = Number(process.env.BENCH_ANCHOR_SECONDS || 5)
const SEARCH_CLIENTS = 2

// a seeded generator, so every run asks the same addresses
let seed = 24
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0
const round = (ms: number) => Number(ms.toPrecision(3))
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b)
  return {
    n: sorted.length,
    p50: round(quantile(sorted, 0.5)),
    p99: round(quantile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? 0),
  }
}

if (!existsSync(DB) || !existsSync(DB.replace(/\.db$/, '.search.db'))) {
  throw new Error(`${DB} and its search index: copy the generated archive there first`)
}

// the archive's newest article and the 100 commonest kanji of its titles
const archive = new Database(DB, { readonly: true })
const article = archive
  .prepare("SELECT slug FROM articles WHERE _status = 'published' ORDER BY published_at DESC")
  .get() as { slug: string }
const kanjiCounts = new Map<string, number>()
for (const { title } of archive.prepare('SELECT title FROM articles').iterate() as Iterable<{
  title: string
}>) {
  for (const char of title.match(/\p{sc=Han}/gu) ?? [])
    kanjiCounts.set(char, (kanjiCounts.get(char) ?? 0) + 1)
}
// the agent whose reviews are the most (about 60,000 of the million)
const busiest = archive
  .prepare(
    `SELECT a.slug AS slug, count(*) AS n FROM reviews r JOIN agents a ON a.id = r.agent_id
     WHERE r.status = 'approved' GROUP BY r.agent_id ORDER BY n DESC LIMIT 1`,
  )
  .get() as { slug: string; n: number } | undefined
archive.close()
const kanji = [...kanjiCounts]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 100)
  .map(([char]) => char)

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i))
const kana = [...range(0x3041, 0x3096), ...range(0x30a1, 0x30fa)]

const pagesOf = () => {
  const pages = new Set([1, 2, 50])
  while (pages.size < 3 + EXTRA_PAGES) pages.add(3 + Math.floor(random() * 47))
  return [...pages]
}
const COMMON_PAIRS = [
  'ます',
  'して',
  'です',
  'ない',
  'こと',
  'ので',
  'での',
  'から',
  'する',
  'ある',
]
const WORDS = ['年収', '転職', 'エージェント', '面接', '退職', '求人', '単価', 'PMO', 'pm', '副業']
const longQueries = [
  'あ い う え お か き く け こ',
  'のでのでので',
  'ますしてですないことのでから',
  ...Array.from({ length: 47 }, (_, i) => {
    if (i % 3 === 0) return Array.from({ length: 100 }, () => pick(kana)).join('')
    const words = Array.from({ length: 5 }, () =>
      pick([
        pick(COMMON_PAIRS),
        pick(WORDS),
        pick(kana),
        pick(kanji),
        pick(COMMON_PAIRS) + pick(COMMON_PAIRS),
      ]),
    )
    return words.join(' ')
  }),
]

type Address = { kind: string; url: string }
const addresses: Address[] = [
  ...kana.flatMap((q) => pagesOf().map((page) => ({ kind: 'kana', url: searchUrl(q, page) }))),
  ...kanji.flatMap((q) => pagesOf().map((page) => ({ kind: 'kanji', url: searchUrl(q, page) }))),
  ...longQueries.flatMap((q) =>
    [1, 2 + Math.floor(random() * 49)].map((page) => ({
      kind: 'long',
      url: searchUrl(q, page),
    })),
  ),
]
if (busiest) {
  const reviewQueries = [...WORDS, ...COMMON_PAIRS, ...longQueries.slice(0, 30)]
  for (const q of reviewQueries) {
    for (const page of [1, 2]) {
      const params = new URLSearchParams({ q, ...(page > 1 ? { page: String(page) } : {}) })
      addresses.push({ kind: 'review', url: `/agents/${busiest.slug}?${params}` })
    }
  }
}
// every address once, in a shuffled order
const unique = [...new Map(addresses.map((a) => [a.url, a])).values()]
for (let i = unique.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1))
  ;[unique[i], unique[j]] = [unique[j]!, unique[i]!]
}

function searchUrl(q: string, page: number) {
  return `/search?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ''}`
}

const site = benchServer(PORT, `file:./${DB}`, { BENCH_EVENT_LOOP: '1' })

/** `allow404`: a second page of review matches that are fewer than a page is a 404. */
async function timed(url: string, allow404 = false): Promise<number> {
  const t = performance.now()
  const res = await fetch(url, { redirect: 'manual' })
  await res.arrayBuffer()
  if (res.status !== 200 && !(allow404 && res.status === 404))
    throw new Error(`${url}: ${res.status}`)
  return performance.now() - t
}

const loopDelay = async (reset: boolean) =>
  (await (await fetch(`${site.origin}/_bench/event-loop${reset ? '?reset=1' : ''}`)).json()) as {
    samples: number
    p50: number
    p99: number
    max: number
  }

/** Reads the cached article without pause until `until` settles. */
async function cachedReader(until: Promise<unknown>) {
  const times: number[] = []
  let done = false
  void until.finally(() => (done = true))
  const articleUrl = `${site.origin}/articles/${article.slug}`
  while (!done) times.push(await timed(articleUrl))
  return times
}

const child = site.start()
try {
  await site.ready(Date.now() + 900_000)
  const articleUrl = `${site.origin}/articles/${article.slug}`
  for (let i = 0; i < 3; i++) await timed(articleUrl)
  // the search code warmed up on words outside the set
  for (const q of ['転職', '年収 面接', 'キャリア']) await timed(`${site.origin}${searchUrl(q, 1)}`)

  await loopDelay(true)
  const anchorEnd = new Promise((r) => setTimeout(r, ANCHOR_SECONDS * 1000))
  const anchor = summary(await cachedReader(anchorEnd))
  const anchorLoop = await loopDelay(true)

  const byKind = new Map<string, number[]>()
  let next = 0
  const started = performance.now()
  const searching = Promise.all(
    Array.from({ length: SEARCH_CLIENTS }, async () => {
      while (next < unique.length) {
        const { kind, url } = unique[next++]!
        const ms = await timed(`${site.origin}${url}`, kind === 'review')
        byKind.set(kind, [...(byKind.get(kind) ?? []), ms])
      }
    }),
  )
  const reader = summary(await cachedReader(searching))
  await searching
  const seconds = Math.round((performance.now() - started) / 1000)
  const loop = await loopDelay(true)
  const all = summary([...byKind.values()].flat())

  const lines = [
    `# Search at 100,000 (issue 24): ${new Date().toISOString()}`,
    '',
    `${unique.length} search addresses in ${seconds} s, ${SEARCH_CLIENTS} clients, one more reading /articles/${article.slug} from the page cache.${busiest ? ` Review searches on /agents/${busiest.slug} (${busiest.n} published reviews).` : ''}`,
    '',
    '| what | n | p50 ms | p99 ms | max ms |',
    '| --- | --- | --- | --- | --- |',
    `| search, all | ${all.n} | ${all.p50} | ${all.p99} | ${all.max} |`,
    ...[...byKind].map(([kind, times]) => {
      const s = summary(times)
      return `| search, ${kind} | ${s.n} | ${s.p50} | ${s.p99} | ${s.max} |`
    }),
    `| cached article during the searches | ${reader.n} | ${reader.p50} | ${reader.p99} | ${reader.max} |`,
    `| cached article alone (anchor, ${ANCHOR_SECONDS} s) | ${anchor.n} | ${anchor.p50} | ${anchor.p99} | ${anchor.max} |`,
    `| event-loop delay during the searches | ${loop.samples} | ${loop.p50} | ${loop.p99} | ${loop.max} |`,
    `| event-loop delay, anchor | ${anchorLoop.samples} | ${anchorLoop.p50} | ${anchorLoop.p99} | ${anchorLoop.max} |`,
  ]
  console.log(lines.join('\n'))
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(
    path.join('bench/results', `search-${new Date().toISOString().replace(/[:.]/g, '-')}.md`),
    `${lines.join('\n')}\n`,
  )
} finally {
  await site.stop(child)
}
