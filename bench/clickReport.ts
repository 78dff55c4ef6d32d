// npm run bench:report: the click report over a large history on the embedded database.
// Seeds the demo site on its own database (data/bench-report/), adds links up to 300, then
// writes daily rollups for 180 Japan days (the 90-day range and the 90 days before it, which
// the report compares with) holding BENCH_CLICKS clicks per 90 days (default 10 million), in
// the shape real traffic leaves: 2,000 pages × 4 slots, each CTA pointing at one of the links,
// about BENCH_ROWS_PER_DAY of them clicked each day (default 12,000 of 16,000 page × slot ×
// bot flag rows), skewed towards a few pages. The rollups go in through the click store's own write
// (addRollups); the raw clicks are not generated, because the report never reads them.
// Then times clickReport() for the 90 days, bots excluded and included: first call and p50/p99
// of the following ones.
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const DATA = 'data/bench-report'
const CLICKS = Number(process.env.BENCH_CLICKS || 10_000_000)
const ROWS_PER_DAY = Number(process.env.BENCH_ROWS_PER_DAY || 12_000)
const LINKS = 300
const PAGES = 2_000
const RUNS = 10

process.env.DATABASE_URI = `file:./${DATA}/site.db`
// the schema from the committed migrations, as in production (no schema push)
Object.assign(process.env, { NODE_ENV: 'production' })
process.env.PAYLOAD_SECRET ||= 'bench-only-secret-not-for-production-0123456789'
rmSync(path.resolve(DATA), { recursive: true, force: true })
const seeded = spawnSync(
  process.execPath,
  ['--conditions=production', '--import', 'tsx', 'scripts/seed.ts'],
  { stdio: ['ignore', 'ignore', 'inherit'], env: process.env },
)
if (seeded.status !== 0) throw new Error('seeding the bench database failed')

const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const { addRollups } = await import('../lib/clicks/clickStore')
const { dayInJapan } = await import('../lib/clicks/classify')
const { clickReport } = await import('../lib/clicks/report')
const payload = await getPayload({ config })
const sys = { overrideAccess: true, depth: 0 } as const

// links up to LINKS, spread over the demo agents and ASPs
const { docs: agents } = await payload.find({ collection: 'agents', pagination: false, ...sys })
const ASPS = ['a8', 'afb', 'valuecommerce', 'moshimo', 'accesstrade'] as const
const existing = await payload.find({ collection: 'affiliate-links', pagination: false, ...sys })
const linkIds = existing.docs.map((l) => l.id)
for (let i = linkIds.length; i < LINKS; i++) {
  const link = await payload.create({
    collection: 'affiliate-links',
    data: {
      name: `計測用リンク ${i + 1}`,
      slug: `bench-link-${i + 1}`,
      agent: agents[i % agents.length]!.id,
      asp: ASPS[i % ASPS.length]!,
      destinationUrl: `https://bench-${i + 1}.example/entry`,
      status: 'active',
    },
    ...sys,
  })
  linkIds.push(link.id)
}

// a small deterministic generator, so two runs write the same history
let seed = 20261203
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed / 2 ** 31
}
const SLOTS = ['card', 'table', 'text', 'agent-page'] as const
const DAY = 86_400_000
const today = Date.parse(`${dayInJapan(new Date())}T00:00:00Z`)
const dayOf = (back: number) => new Date(today - back * DAY).toISOString().slice(0, 10)
const perDay = CLICKS / 90

// every page × slot × bot flag a click can come from, each with the link its CTA points to and
// a fixed popularity: a few pages take most clicks, a long tail takes the rest
const sources = Array.from({ length: PAGES * SLOTS.length * 2 }, (_, n) => {
  const page = n % PAGES
  const slot = SLOTS[Math.floor(n / PAGES) % SLOTS.length]!
  const isBot = n >= PAGES * SLOTS.length
  return {
    placement: `bench-article-${page}`,
    slot,
    isBot,
    link: linkIds[Math.floor(random() ** 2 * linkIds.length)]!,
    weight: (isBot ? 0.1 : 1) / (1 + page / 5) ** 0.9,
  }
})

const started = performance.now()
let rows = 0
let clicksInRange = 0
for (let back = 179; back >= 0; back--) {
  const day = dayOf(back)
  // each day ROWS_PER_DAY of the sources get clicks, with some daily jitter
  const active = sources.filter(() => random() < ROWS_PER_DAY / sources.length)
  const weights = active.map((source) => source.weight * (0.5 + random()))
  const sum = weights.reduce((a, b) => a + b, 0)
  const deltas = active.map((source, i) => {
    const clicks = Math.max(1, Math.round((weights[i]! / sum) * perDay))
    return {
      key: `${day}|${source.link}||${source.placement}|${source.slot}|${source.isBot ? 1 : 0}`,
      day,
      link: source.link,
      article: null,
      placement: source.placement,
      slot: source.slot,
      isBot: source.isBot,
      clicks,
      uniques: Math.max(1, Math.round(clicks * 0.8)),
    }
  })
  for (let start = 0; start < deltas.length; start += 2_000)
    await addRollups(payload, deltas.slice(start, start + 2_000))
  rows += deltas.length
  if (back < 90) clicksInRange += deltas.reduce((a, d) => a + d.clicks, 0)
}
const generatedS = ((performance.now() - started) / 1000).toFixed(0)

const stored = (
  await payload.count({ collection: 'click-rollups', overrideAccess: true })
).totalDocs.toLocaleString('en')
const range = { fromDay: dayOf(89), toDay: dayOf(0) }
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)]!
async function time(bots: boolean) {
  const times: number[] = []
  let report: Awaited<ReturnType<typeof clickReport>> | null = null
  for (let i = 0; i <= RUNS; i++) {
    const t = performance.now()
    report = await clickReport(payload, { ...range, bots })
    times.push(performance.now() - t)
  }
  const [first, ...rest] = times
  rest.sort((a, b) => a - b)
  const ms = (n: number) => Math.round(n)
  return {
    first: ms(first!),
    p50: ms(percentile(rest, 50)),
    p99: ms(percentile(rest, 99)),
    report: report!,
  }
}
const withoutBots = await time(false)
const withBots = await time(true)
const r = withBots.report

const text = [
  `# Click report bench ${new Date().toISOString()}`,
  '',
  `History: ${rows.toLocaleString('en')} day rows over 180 days (${stored} rows with their block and month rows), ${LINKS} links, ${PAGES} pages × ${SLOTS.length} slots; ${clicksInRange.toLocaleString('en')} clicks in the 90-day range (written in ${generatedS} s).`,
  '',
  '| 90-day report | first call ms | p50 ms | p99 ms | clicks counted | rows: days / links / pages |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  `| bots excluded (the default) | ${withoutBots.first} | ${withoutBots.p50} | ${withoutBots.p99} | ${withoutBots.report.total.clicks.toLocaleString('en')} | ${withoutBots.report.byDay.length} / ${withoutBots.report.byLink.length} / ${withoutBots.report.byPage.length} |`,
  `| bots included | ${withBots.first} | ${withBots.p50} | ${withBots.p99} | ${r.total.clicks.toLocaleString('en')} | ${r.byDay.length} / ${r.byLink.length} / ${r.byPage.length} |`,
  '',
  `Check: the report with bots counts ${r.total.clicks === clicksInRange ? 'exactly' : 'NOT'} the clicks written for the range (${clicksInRange.toLocaleString('en')}).`,
].join('\n')
console.log(text)
mkdirSync('bench/results', { recursive: true })
writeFileSync(`bench/results/report-${Date.now()}.md`, `${text}\n`)
await payload.destroy()
process.exit(r.total.clicks === clicksInRange ? 0 : 1)
