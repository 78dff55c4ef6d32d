// npm run bench: builds (if needed) and starts the site on its own database, then measures
// requests per second and p50/p99 latency of the reader pages against a static file served
// by the same Next server, and prints the ratios. Loopback only; bounded in time.
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import autocannon from 'autocannon'

const PORT = Number(process.env.BENCH_PORT || 3400)
const origin = `http://127.0.0.1:${PORT}`
const DURATION = Number(process.env.BENCH_SECONDS || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)

const targets = [
  ['static file (baseline)', '/og-default.png'],
  ['article (cached)', '/articles/pmo-suited-person'],
  ['agent page, filtered', '/agents/michibiki?age=30s&sort=highest'],
  ['home', '/'],
  ['search 「年収」', '/search?q=%E5%B9%B4%E5%8F%8E'],
] as const

async function waitForServer(deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error('the site did not start in time')
}

async function measure(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION })
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }
}

rmSync(path.resolve('data/bench'), { recursive: true, force: true })
const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    SITE_URL: origin,
    DATABASE_URI: 'file:./data/bench/site.db',
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'bench-only-secret-not-for-production-0123456789',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
})

try {
  await waitForServer(Date.now() + 15 * 60_000)
  const rows = []
  for (const [name, pathname] of targets) {
    await fetch(`${origin}${pathname}`) // first render fills the caches
    rows.push({ name, pathname, ...(await measure(`${origin}${pathname}`)) })
  }
  const baseline = rows[0].rps
  const lines = [
    `| page | req/s | p50 ms | p99 ms | vs static | errors |`,
    `| --- | ---: | ---: | ---: | ---: | ---: |`,
    ...rows.map(
      (r) =>
        `| ${r.name} \`${r.pathname}\` | ${r.rps} | ${r.p50} | ${r.p99} | ${(r.rps / baseline).toFixed(2)}× | ${r.errors} |`,
    ),
  ]
  const report = `${lines.join('\n')}\n\n${CONNECTIONS} connections × ${DURATION} s each, ${new Date().toISOString()}\n`
  console.log(report)
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(`bench/results/${Date.now()}.md`, report)
} finally {
  server.kill('SIGTERM')
}
process.exit(0)
