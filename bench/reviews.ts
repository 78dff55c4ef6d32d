// npm run bench:reviews: readers' reviews under load. Starts the site on its own database
// (port 3410, loopback), then measures in one run:
//   1. the agent page (plain, sorted 参考になった順, filtered) beside the cached article page as
//      the anchor, with the agent's seeded reviews;
//   2. review submissions per second: the form posted as browsers without JavaScript send it,
//      from distinct addresses, with validation, duplicate checks and the stored limiter on;
//   3. the same pages again after 5,000 more approved reviews on that agent (bench/reviewData.ts),
//      and what one approval then costs until the agent page shows it.
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { reviewActionFields } from '../tests/helpers/reviewForm'

import { CLIENT, benchServer, editorToken, measure, type Measured } from './server'

const PORT = Number(process.env.BENCH_PORT || 3410)
const DURATION = Number(process.env.BENCH_SECONDS || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS || 400)
const EXTRA_REVIEWS = Number(process.env.BENCH_REVIEWS || 5000)
const AGENT = 'consul-links'
const DATA = 'data/bench-reviews'
const DATABASE = `file:./${DATA}/site.db`

const site = benchServer(PORT, DATABASE, { TRUST_PROXY: '1' })
const { origin } = site
const PAGES: [string, string][] = [
  ['article (cached), the anchor', '/articles/pmo-suited-person'],
  ['agent page', `/agents/${AGENT}`],
  ['agent page, 参考になった順', `/agents/${AGENT}?sort=helpful`],
  ['agent page, 30代 only', `/agents/${AGENT}?age=30s`],
]

async function measurePages(): Promise<(Measured & { name: string; path: string })[]> {
  const rows = []
  for (const [name, pathname] of PAGES) {
    const url = `${origin}${pathname}`
    if (!(await fetch(url)).ok) throw new Error(`${pathname} does not answer 200`)
    await measure(url, undefined, 2, CONNECTIONS) // warm, unmeasured
    rows.push({ name, path: pathname, ...(await measure(url, undefined, DURATION, CONNECTIONS)) })
  }
  return rows
}

const WORDS = ['面談', '求人', '書類', '連絡', '年収', '条件', '推薦', '日程', '企業', '担当']
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]

async function submissions() {
  const hidden = await reviewActionFields(origin, AGENT)
  if (hidden.length === 0) throw new Error('the review form carries no server action fields')
  const latencies: number[] = []
  let received = 0
  let refused = 0
  let failed = 0
  let next = 0
  const started = performance.now()
  const worker = async () => {
    for (let i = next++; i < SUBMISSIONS; i = next++) {
      const form = new FormData()
      for (const [name, value] of hidden) form.append(name, value)
      const words = Array.from({ length: 14 }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length])
      const fields = {
        rating: String((i % 5) + 1),
        title: `計測の投稿 ${i}`,
        body: `${i}件目の投稿です。${words.join('と')}について、登録から面談、応募までの流れを説明してもらいました。紹介された求人は希望の条件に近く、書類の添削も具体的で役に立ちました。(${i})`,
        ageBand: '30s',
        gender: 'no_answer',
        industry: 'it',
        experienceYears: '3_5',
        usedYear: '2025',
        usedMonth: String((i % 12) + 1),
        usage: 'interviewed',
        rewarded: 'no',
        agree: 'on',
      }
      for (const [name, value] of Object.entries(fields)) form.append(name, value)
      const t = performance.now()
      const res = await fetch(`${origin}/agents/${AGENT}/review`, {
        method: 'POST',
        body: form,
        // as a browser posts a form: with its origin (Next checks it for server actions)
        headers: { Origin: origin, 'X-Forwarded-For': `10.77.${Math.floor(i / 250)}.${i % 250}` },
      })
      const html = await res.text()
      latencies.push(performance.now() - t)
      if (res.status !== 200) failed++
      else if (html.includes('審査後に掲載されます')) received++
      else refused++
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, worker))
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    perSecond: Math.round((received / seconds) * 10) / 10,
    received,
    refused,
    failed,
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
  }
}

/** Approves one pending review of the agent; ms until the API answered and until the page shows it. */
async function approvalAtScale() {
  const token = await editorToken(origin)
  const auth = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
  const found = await fetch(
    `${origin}/api/reviews?where[status][equals]=pending&where[title][like]=計測の投稿&limit=1&depth=0`,
    { headers: auth },
  )
  const review = ((await found.json()) as { docs: { id: string | number; title: string }[] })
    .docs[0]
  if (!review) throw new Error('no pending review to approve')
  const t = performance.now()
  const res = await fetch(`${origin}/api/reviews/${review.id}`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ status: 'approved' }),
  })
  if (!res.ok) throw new Error(`approval failed: ${res.status}`)
  const saved = Math.round(performance.now() - t)
  for (;;) {
    const html = await (await fetch(`${origin}/agents/${AGENT}`)).text()
    if (html.includes(review.title)) return { saved, shown: Math.round(performance.now() - t) }
    if (performance.now() - t > 30_000) return { saved, shown: Number.POSITIVE_INFINITY }
    await new Promise((r) => setTimeout(r, 25))
  }
}

rmSync(path.resolve(DATA), { recursive: true, force: true })
let server = site.start()
await site.ready(Date.now() + 15 * 60_000)
const before = await measurePages()
const submitted = await submissions()
await site.stop(server)

const generated = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'bench/reviewData.ts', AGENT, String(EXTRA_REVIEWS)],
  {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '--conditions=production',
      DATABASE_URI: DATABASE,
      PAYLOAD_SECRET:
        process.env.PAYLOAD_SECRET || 'bench-only-secret-not-for-production-0123456789',
    },
    encoding: 'utf8',
  },
)
if (generated.status !== 0) throw new Error(`bench/reviewData.ts failed:\n${generated.stderr}`)
const generatedLine =
  generated.stdout.split('\n').find((line) => line.includes('reviews added')) ?? ''

server = site.start()
await site.ready(Date.now() + 5 * 60_000)
const after = await measurePages()
const approval = await approvalAtScale()
await site.stop(server)

const anchor = (rows: typeof before) => rows[0].rps
const table = (rows: typeof before) => [
  '| page | req/s | p50 ms | p99 ms | errors | vs cached article |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.name} \`${r.path}\` | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${(r.rps / anchor(rows)).toFixed(3)}× |`,
  ),
]
const report = [
  `# Reviews bench ${new Date().toISOString()} (${CLIENT}, ${CONNECTIONS} connections, ${DURATION} s per page)`,
  '',
  `## Agent page with the seeded reviews`,
  ...table(before),
  '',
  `## Review submissions (${SUBMISSIONS} posts without JavaScript, ${CONNECTIONS} at a time, distinct addresses)`,
  '| stored per second | stored | refused | failed | p50 ms | p99 ms |',
  '| ---: | ---: | ---: | ---: | ---: | ---: |',
  `| ${submitted.perSecond} | ${submitted.received} | ${submitted.refused} | ${submitted.failed} | ${submitted.p50} | ${submitted.p99} |`,
  '',
  `## After ${generatedLine}`,
  ...table(after),
  '',
  `One approval with ${EXTRA_REVIEWS}+ approved reviews on the agent: the API answered in ${approval.saved} ms (the agent's figures recomputed from scratch), the agent page showed the review after ${approval.shown} ms.`,
].join('\n')
console.log(report)
mkdirSync('bench/results', { recursive: true })
writeFileSync(`bench/results/reviews-${Date.now()}.md`, `${report}\n`)
process.exit(0)
