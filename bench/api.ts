// npm run bench:api: the API at 100,000 articles (issue 24), on a copy of that archive.
//
// BENCH_ARCHIVE (default data/bench-scale-100000, which bench:scale makes) is the folder of the
// archive: its site.db, site.search.db (and their -wal files) and site-media are copied once
// into data/bench-api/ (BENCH_FRESH=1 copies again) and the site is started on the copy (port
// 3470). Then, in two phases while a second client reads a cached article under wrk (2
// connections, BENCH_SECONDS each):
// - every shape a visitor is refused (tests/helpers/apiQueryShapes.ts), anonymously: each
//   answer's status (400, with its message) and time;
// - queries a visitor may still send (the deepest page, one agent's reviews in an indexed
//   order), anonymously: p50 / max;
// - then the admin's list queries as the demo editor: p50 / max.
// The reader's p50 / p99 alone, before the load, is the anchor. Last, the issue's own shapes
// are asked once as the editor, whom the guard lets through: what each costs the database,
// the cost a visitor can no longer impose. The table goes to bench/results/api-*.md.
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { REFUSED_SHAPES, STAFF_LIST_QUERIES } from '../tests/helpers/apiQueryShapes'
import { benchServer, CLIENT, editorToken, measure, quantile, round } from './server'

const ARCHIVE = process.env.BENCH_ARCHIVE || 'data/bench-scale-100000'
const FOLDER = 'data/bench-api'
const PORT = 3470
const SECONDS = Number(process.env.BENCH_SECONDS || 20)
const ARTICLE = process.env.BENCH_ARTICLE || '/articles/archive-1'
/** the issue's shapes, timed once as staff after the rest */
const ISSUE_SHAPES = REFUSED_SHAPES.slice(0, 4).map(([query]) => query)

if (process.env.BENCH_FRESH || !existsSync(`${FOLDER}/site.db`)) {
  rmSync(FOLDER, { recursive: true, force: true })
  mkdirSync(FOLDER, { recursive: true })
  const started = Date.now()
  for (const file of ['site.db', 'site.db-wal', 'site.search.db', 'site.search.db-wal']) {
    if (existsSync(path.join(ARCHIVE, file))) {
      copyFileSync(path.join(ARCHIVE, file), path.join(FOLDER, file))
    }
  }
  if (existsSync(`${ARCHIVE}/site-media`)) {
    cpSync(`${ARCHIVE}/site-media`, `${FOLDER}/site-media`, { recursive: true })
  }
  console.log(`archive copied in ${Math.round((Date.now() - started) / 1000)} s`)
}

/** One GET to its last byte: status, milliseconds, the first error message. */
async function timed(url: string, headers?: Record<string, string>) {
  const t = performance.now()
  const res = await fetch(url, { headers, redirect: 'manual' })
  const text = await res.text()
  const ms = performance.now() - t
  let message = ''
  try {
    message = (JSON.parse(text) as { errors?: { message: string }[] }).errors?.[0]?.message ?? ''
  } catch {
    // not JSON: no message
  }
  return { status: res.status, ms, message }
}

const site = benchServer(PORT, `file:./${FOLDER}/site.db`)
const child = site.start()
const lines: string[] = []
try {
  await site.ready(Date.now() + 900_000)
  const token = await editorToken(site.origin)
  const staff = { Authorization: `JWT ${token}` }
  const article = `${site.origin}${ARTICLE}`
  const busiest = (await (
    await fetch(`${site.origin}/api/agents?limit=1&depth=0&sort=-reviewCount`, { headers: staff })
  ).json()) as { docs: { id: string | number }[] }
  const agent = busiest.docs[0]!.id
  const allowedQueries = [
    'reviews?limit=1&depth=0',
    `reviews?where[agent][equals]=${agent}&sort=-helpfulCount&limit=10&depth=0`,
    `reviews?where[agent][equals]=${agent}&where[status][equals]=approved&sort=-rating&limit=10&depth=0`,
    'articles?limit=10&page=200&depth=0',
  ]
  // the article into the page cache, and every query's code path warmed once
  await timed(article)
  for (const [query] of REFUSED_SHAPES) await timed(`${site.origin}/api/${query}`)
  for (const query of allowedQueries) await timed(`${site.origin}/api/${query}`)
  for (const query of STAFF_LIST_QUERIES) await timed(`${site.origin}/api/${query}`, staff)

  const alone = await measure(article, undefined, 10, 2)

  /** Rounds of queries while the reader runs for SECONDS: the reader's figures, the rounds. */
  const whileReading = async (oneRound: () => Promise<void>) => {
    const reading = measure(article, undefined, SECONDS, 2)
    const until = Date.now() + SECONDS * 1000
    let rounds = 0
    while (Date.now() < until || rounds === 0) {
      await oneRound()
      rounds++
    }
    return { ...(await reading), rounds }
  }

  const refused = new Map<string, number[]>()
  const allowed = new Map<string, number[]>()
  const admin = new Map<string, number[]>()
  const record = (into: Map<string, number[]>, query: string, ms: number) =>
    into.set(query, [...(into.get(query) ?? []), ms])
  const visitors = await whileReading(async () => {
    for (const [query, message] of REFUSED_SHAPES) {
      const r = await timed(`${site.origin}/api/${query}`)
      if (r.status !== 400 || r.message !== message) {
        throw new Error(`${query}: ${r.status} ${r.message}`)
      }
      record(refused, query, r.ms)
    }
    for (const query of allowedQueries) {
      const r = await timed(`${site.origin}/api/${query}`)
      if (r.status !== 200) throw new Error(`${query}: ${r.status} ${r.message}`)
      record(allowed, query, r.ms)
    }
  })
  const editors = await whileReading(async () => {
    for (const query of STAFF_LIST_QUERIES) {
      const r = await timed(`${site.origin}/api/${query}`, staff)
      if (r.status !== 200) throw new Error(`${query} as the editor: ${r.status} ${r.message}`)
      record(admin, query, r.ms)
    }
  })

  const costs: [string, number, number][] = []
  for (const query of ISSUE_SHAPES) {
    const r = await timed(`${site.origin}/api/${query}`, staff)
    costs.push([query, r.status, round(r.ms)])
  }

  /** A table of each query's p50 / max, with a status column when one is given. */
  const table = (title: string, timesOf: Map<string, number[]>, status?: number) => [
    `| ${title} |${status ? ' status |' : ''} p50 ms | max ms |`,
    `| --- |${status ? ' ---: |' : ''} ---: | ---: |`,
    ...[...timesOf].map(([query, times]) => {
      const sorted = [...times].sort((a, b) => a - b)
      const p50 = round(quantile(sorted, 0.5))
      return `| \`${query}\` ${status ? `| ${status} ` : ''}| ${p50} | ${round(sorted.at(-1)!)} |`
    }),
  ]
  lines.push(
    `# API at 100,000 (${new Date().toISOString()}, ${CLIENT}, ${SECONDS} s per phase)`,
    '',
    ...table('refused anonymously', refused, 400),
    '',
    ...table('allowed, anonymously', allowed),
    '',
    ...table('admin list query, as the editor', admin),
    '',
    '| cached article, second client (2 connections) | req/s | p50 ms | p99 ms |',
    '| --- | ---: | ---: | ---: |',
    `| alone (anchor, 10 s) | ${alone.rps} | ${alone.p50} | ${alone.p99} |`,
    `| during the visitors' queries (${visitors.rounds} rounds) | ${visitors.rps} | ${visitors.p50} | ${visitors.p99} |`,
    `| during the admin's list queries (${editors.rounds} rounds) | ${editors.rps} | ${editors.p50} | ${editors.p99} |`,
    '',
    "| the issue's shapes, once as the editor (allowed) | status | ms |",
    '| --- | ---: | ---: |',
    ...costs.map(([query, status, ms]) => `| \`${query}\` | ${status} | ${ms} |`),
    '',
  )
} finally {
  await site.stop(child)
}
const report = lines.join('\n')
console.log(`\n${report}`)
mkdirSync('bench/results', { recursive: true })
writeFileSync(`bench/results/api-${Date.now()}.md`, report)
process.exit(0)
