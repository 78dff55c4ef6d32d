// npm run bench:mixed: one process under a mixed load, as on a busy hour. Starts the site on its
// own database (port 3430, loopback) and runs BENCH_CONNECTIONS (default 100) clients for
// BENCH_SECONDS (default 30): 90% page reads over every public page kind, 5% /go/ redirects,
// 5% writes (the review form posted as browsers without JavaScript send it, from distinct
// addresses; an editor's API edit of a live article's lead). Reports per kind: requests,
// errors (anything but the expected status), p50/p99; the server's RSS before and after; and
// afterwards whether every edited article shows its last edit (freshness).
//
// The client is Node (fetch) on the same 2 cores as the server: it measures latency per kind
// and correctness under contention, not the server's peak rate (bench:clicks and bench do
// that with wrk).
//
// npm run bench:soak is the same mix at a moderate, steady rate for 10 minutes
// (BENCH_RATE requests per second, BENCH_SECONDS=600): it reports each minute's p50/p99 and
// the server's RSS at its end, and the change from the first minute to the last. It exits 1
// when RSS grew by more than BENCH_SOAK_RSS_GROWTH_MB (default 64) or the last minute's p99 is
// more than twice the first's.
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

import { readerReview, reviewActionFields } from '../tests/helpers/reviewForm'

import { benchServer, editorToken } from './server'

const PORT = Number(process.env.BENCH_PORT || 3430)
const SECONDS = Number(process.env.BENCH_SECONDS || 30)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 100)
/** requests per second, started on a schedule; 0: each connection sends as fast as it can */
const RATE = Number(process.env.BENCH_RATE || 0)
const WINDOW_SECONDS = Number(process.env.BENCH_WINDOW_SECONDS || 60)
const SOAK_RSS_GROWTH_MB = Number(process.env.BENCH_SOAK_RSS_GROWTH_MB || 64)
const DATA = 'data/bench-mixed'
const DB_FILE = path.resolve(DATA, 'site.db')

const site = benchServer(PORT, `file:./${DATA}/site.db`, { TRUST_PROXY: '1' })
const { origin } = site

// every public page kind, each a 200
const READS = [
  '/',
  '/articles/pmo-suited-person',
  '/articles/consultant-career-path',
  '/articles/job-change-timing',
  '/articles/resume-writing-basics',
  '/categories/career-guide',
  '/agents',
  '/agents/freelance-port',
  '/agents/consul-links?sort=helpful',
  '/agents/michibiki?age=30s',
  '/search?q=%E5%B9%B4%E5%8F%8E',
  '/search?q=%E8%BB%A2%E8%81%B7',
  '/about',
  '/ad-policy',
  '/feed.xml',
  '/sitemap.xml',
]
const GO = ['/go/michibiki-a8?from=agent-michibiki', '/go/freelance-port-vc?from=pmo-suited-person']
// the articles editors change during the run (their pages are read too)
const EDITED = ['job-change-timing', 'resume-writing-basics']
const REVIEW_AGENTS = ['consul-links', 'high-career-bridge', 'it-works-gate']

type Kind = 'page' | 'go' | 'review' | 'edit'
const stats: Record<Kind, { latencies: number[]; errors: number; statuses: Map<number, number> }> =
  {
    page: { latencies: [], errors: 0, statuses: new Map() },
    go: { latencies: [], errors: 0, statuses: new Map() },
    review: { latencies: [], errors: 0, statuses: new Map() },
    edit: { latencies: [], errors: 0, statuses: new Map() },
  }

const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
const serverPid = () => Number(readFileSync(`${DB_FILE}.server.pid`, 'utf8'))

async function main() {
  rmSync(DATA, { recursive: true, force: true })
  const child = site.start()
  try {
    await site.ready(Date.now() + 15 * 60_000)
    const token = await editorToken(origin)
    const auth = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
    const ids = new Map<string, string | number>()
    for (const slug of EDITED) {
      const found = await fetch(`${origin}/api/articles?where[slug][equals]=${slug}&depth=0`, {
        headers: auth,
      })
      ids.set(slug, ((await found.json()) as { docs: { id: string | number }[] }).docs[0].id)
    }
    const forms = new Map<string, [string, string][]>()
    for (const agent of REVIEW_AGENTS) forms.set(agent, await reviewActionFields(origin, agent))
    // warm every page once, as a running site is
    for (const url of [...READS]) await (await fetch(`${origin}${url}`)).arrayBuffer()
    const rssBefore = rssOf(serverPid())

    const started = Date.now()
    // per window (a minute by default): latencies of every kind, and RSS at its end
    const windows: { latencies: number[]; errors: number; rssMB?: number }[] = []
    const windowOf = () => Math.floor((Date.now() - started) / (WINDOW_SECONDS * 1000))
    const sampler = setInterval(() => {
      const w = windowOf() - 1
      if (w >= 0 && windows[w] && windows[w].rssMB === undefined)
        windows[w].rssMB = Math.round(rssOf(serverPid()))
    }, 1000)

    let counter = 0
    const lastLead = new Map<string, string>()
    const deadline = Date.now() + SECONDS * 1000
    const one = async () => {
      const n = counter++
      const roll = n % 100
      let kind: Kind
      let res: Response
      const t = performance.now()
      if (roll < 90) {
        kind = 'page'
        res = await fetch(`${origin}${READS[n % READS.length]}`)
      } else if (roll < 95) {
        kind = 'go'
        res = await fetch(`${origin}${GO[n % GO.length]}`, { redirect: 'manual' })
      } else if (roll < 98) {
        kind = 'review'
        const agent = REVIEW_AGENTS[n % REVIEW_AGENTS.length]
        const form = readerReview(forms.get(agent)!, n, `混在負荷の投稿 ${n}`, String(n))
        res = await fetch(`${origin}/agents/${agent}/review`, {
          method: 'POST',
          body: form,
          headers: {
            Origin: origin,
            'X-Forwarded-For': `10.${80 + (n % 50)}.${Math.floor(n / 250) % 250}.${n % 250}`,
          },
        })
      } else {
        kind = 'edit'
        const slug = EDITED[n % EDITED.length]
        const lead = `混在負荷中の編集 ${n}。転職活動の準備と進め方を、在職中の人向けに整理します。`
        res = await fetch(`${origin}/api/articles/${ids.get(slug)}?depth=0`, {
          method: 'PATCH',
          headers: auth,
          body: JSON.stringify({ lead }),
        })
        if (res.ok) lastLead.set(slug, lead)
      }
      await res.arrayBuffer()
      const s = stats[kind]
      const ms = performance.now() - t
      s.latencies.push(ms)
      s.statuses.set(res.status, (s.statuses.get(res.status) ?? 0) + 1)
      const expected = kind === 'go' ? res.status === 302 : res.status === 200
      if (!expected) s.errors++
      const w = (windows[windowOf()] ??= { latencies: [], errors: 0 })
      w.latencies.push(ms)
      if (!expected) w.errors++
    }
    const client = async () => {
      while (Date.now() < deadline) {
        try {
          await one()
        } catch {
          stats.page.errors++ // a refused or reset connection
        }
      }
    }
    // at a fixed rate: requests start on schedule, at most CONNECTIONS in flight
    const paced = async () => {
      let inFlight = 0
      const running = new Set<Promise<void>>()
      for (let k = 0; Date.now() < deadline; k++) {
        const due = started + (k * 1000) / RATE
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()))
        if (inFlight >= CONNECTIONS) {
          stats.page.errors++ // the server fell behind the schedule: counted, not queued
          continue
        }
        inFlight++
        const p: Promise<void> = one()
          .catch(() => {
            stats.page.errors++
          })
          .finally(() => {
            inFlight--
            running.delete(p)
          })
        running.add(p)
      }
      await Promise.all(running)
    }
    await (RATE > 0 ? paced() : Promise.all(Array.from({ length: CONNECTIONS }, client)))
    const elapsed = (Date.now() - started) / 1000
    clearInterval(sampler)
    const rssAfter = rssOf(serverPid())

    // freshness: the very next read of each edited article shows its last edit
    const fresh: Record<string, boolean> = {}
    for (const [slug, lead] of lastLead) {
      const html = await (await fetch(`${origin}/articles/${slug}`)).text()
      fresh[slug] = html.includes(lead.slice(0, 20))
    }

    const percentile = (sorted: number[], p: number) =>
      sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : 0
    const rows = (Object.keys(stats) as Kind[]).map((kind) => {
      const sorted = [...stats[kind].latencies].sort((a, b) => a - b)
      return {
        kind,
        requests: sorted.length,
        perSecond: Math.round(sorted.length / elapsed),
        errors: stats[kind].errors,
        statuses: Object.fromEntries(stats[kind].statuses),
        p50: Number(percentile(sorted, 50).toFixed(1)),
        p99: Number(percentile(sorted, 99).toFixed(1)),
      }
    })
    // whole windows only (the last may be cut short by the deadline)
    const perWindow = windows
      .filter((w) => w.rssMB !== undefined)
      .map((w, i) => {
        const sorted = [...w.latencies].sort((a, b) => a - b)
        return {
          fromSecond: i * WINDOW_SECONDS,
          requests: sorted.length,
          errors: w.errors,
          p50: Number(percentile(sorted, 50).toFixed(1)),
          p99: Number(percentile(sorted, 99).toFixed(1)),
          rssMB: w.rssMB!,
        }
      })
    const first = perWindow[0]
    const last = perWindow.at(-1)
    const drift =
      first && last && perWindow.length > 1
        ? {
            rssGrowthMB: last.rssMB - first.rssMB,
            p99Ratio: Number((last.p99 / Math.max(first.p99, 0.1)).toFixed(2)),
          }
        : undefined
    if (RATE > 0 && drift && (drift.rssGrowthMB > SOAK_RSS_GROWTH_MB || drift.p99Ratio > 2)) {
      console.error(
        `the soak drifted: RSS +${drift.rssGrowthMB} MB (limit ${SOAK_RSS_GROWTH_MB}), p99 ×${drift.p99Ratio} (limit 2)`,
      )
      process.exitCode = 1
    }
    console.log(
      JSON.stringify(
        {
          seconds: SECONDS,
          connections: CONNECTIONS,
          rate: RATE || undefined,
          total: Math.round(rows.reduce((sum, r) => sum + r.requests, 0) / elapsed),
          rows,
          rssMB: { before: Math.round(rssBefore), after: Math.round(rssAfter) },
          fresh,
          perWindow,
          drift,
        },
        null,
        2,
      ),
    )
  } finally {
    await site.stop(child)
  }
}

await main()
