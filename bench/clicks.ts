// npm run bench:clicks: /go/ with click recording on. Starts the site on its own database
// (port 3420, loopback) and, in one run:
//   1. loads the cached article page (the anchor) and a /go/ redirect with wrk: req/s, p50/p99;
//   2. sends exactly BENCH_REDIRECTS (default 20,000) redirects over 100 concurrent connections
//      and counts the clicks stored for the link after the buffer's flush: exactly as many;
//   3. the same load with a SIGTERM to the server when half of it is answered; after a restart,
//      the clicks stored for it against the redirects answered before the stop.
import { execFile } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import autocannon from 'autocannon'

import { CLIENT, WRK, benchServer, measure } from './server'

const PORT = Number(process.env.BENCH_PORT || 3420)
const DURATION = Number(process.env.BENCH_SECONDS || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const REDIRECTS = Number(process.env.BENCH_REDIRECTS || 20_000)
const CONCURRENT = 100
const DATA = 'data/bench-clicks'
const LINK = 'michibiki-a8'
const GO = `/go/${LINK}?from=agent-michibiki`
const ARTICLE = '/articles/pmo-suited-person'

const site = benchServer(PORT, `file:./${DATA}/site.db`)
const { origin } = site

async function marketerToken(): Promise<string> {
  const res = await fetch(`${origin}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: 'marketer@example.com',
      password: process.env.DEMO_PASSWORD || 'marketer-demo-2026',
    }),
  })
  const body = (await res.json()) as { token?: string }
  if (!body.token) throw new Error(`marketer login failed: ${res.status}`)
  return body.token
}

async function storedClicks(): Promise<number> {
  const res = await fetch(`${origin}/api/clicks?where[link.slug][equals]=${LINK}&limit=1&depth=0`, {
    headers: { Authorization: `JWT ${await marketerToken()}` },
  })
  return ((await res.json()) as { totalDocs: number }).totalDocs
}

/** wrk's count of answered requests and of those that were not 2xx/3xx. */
async function wrkCount(url: string, seconds: number) {
  if (!WRK) throw new Error('this bench needs wrk (apt-get install wrk) to count requests')
  const { stdout } = await promisify(execFile)(WRK, [
    '-t1',
    `-c${CONNECTIONS}`,
    `-d${seconds}s`,
    '--latency',
    url,
  ])
  const answered = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? 0)
  const bad = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0)
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/
    .exec(stdout)
    ?.slice(1)
    .reduce((sum, n) => sum + Number(n), 0)
  const ms = (value: string | undefined) => {
    const [, n, unit] = /^([\d.]+)(us|ms|s)$/.exec(value ?? '') ?? []
    return Number((Number(n) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1)).toPrecision(3))
  }
  return {
    answered,
    redirected: answered - bad,
    socketErrors: socketErrors ?? 0,
    rps: Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0)),
    p50: ms(/\s50%\s+(\S+)/.exec(stdout)?.[1]),
    p99: ms(/\s99%\s+(\S+)/.exec(stdout)?.[1]),
  }
}

const settle = () => new Promise((r) => setTimeout(r, 3_000)) // > the 1 s flush interval

rmSync(path.resolve(DATA), { recursive: true, force: true })
let server = site.start()
await site.ready(Date.now() + 15 * 60_000)

// 1. throughput beside the anchor
for (const url of [`${origin}${ARTICLE}`, `${origin}${GO}`])
  await measure(url, undefined, 2, CONNECTIONS) // warm, unmeasured
await settle()
const article = await measure(`${origin}${ARTICLE}`, undefined, DURATION, CONNECTIONS)
const go = await wrkCount(`${origin}${GO}`, DURATION)
await settle()

/**
 * Exactly `amount` redirects (autocannon) over CONCURRENT connections, counting the 302s;
 * `onHalf` (stopping the server) runs once half of them are answered.
 */
async function redirects(amount: number, onHalf?: () => Promise<void>) {
  let redirected = 0
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `${origin}${GO}`, connections: CONCURRENT, amount, timeout: 5 },
      (error, done) => (error ? reject(error) : resolve(done)),
    )
    instance.on('response', (_client, status) => {
      if (status === 302) redirected += 1
      // once the server is gone, stop instead of retrying refused connections
      if (redirected === Math.floor(amount / 2) && onHalf)
        void onHalf().then(() => setTimeout(() => instance.stop(), 1_000))
    })
  })
  return { redirected, errors: result.errors, other: result.non2xx - redirected }
}

// 2. N concurrent redirects, then exactly N clicks
const beforeExact = await storedClicks()
const exact = await redirects(REDIRECTS)
await settle()
const afterExact = await storedClicks()

// 3. a deploy in the middle of the load: SIGTERM, then the clicks after a restart
const beforeStop = await storedClicks()
let stopMs = 0
const interrupted = await redirects(REDIRECTS, async () => {
  const stopping = performance.now()
  await site.stop(server)
  stopMs = Math.round(performance.now() - stopping)
})
server = site.start()
await site.ready(Date.now() + 5 * 60_000)
const afterRestart = await storedClicks()
await site.stop(server)

const report = [
  `# Clicks bench ${new Date().toISOString()} (${CLIENT}, ${CONNECTIONS} connections, ${DURATION} s)`,
  '',
  '| page | req/s | p50 ms | p99 ms | errors | vs cached article |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  `| article (cached), the anchor \`${ARTICLE}\` | ${article.rps} | ${article.p50} | ${article.p99} | ${article.errors} | 1.00× |`,
  `| /go/ redirect with click recording \`${GO}\` | ${go.rps} | ${go.p50} | ${go.p99} | ${go.answered - go.redirected + go.socketErrors} | ${(go.rps / article.rps).toFixed(2)}× |`,
  '',
  `${REDIRECTS} redirects over ${CONCURRENT} concurrent connections (autocannon): ${exact.redirected} answered 302 (${exact.errors} errors, ${exact.other} other answers); clicks stored for the link after the flush: ${afterExact - beforeExact}.`,
  '',
  `SIGTERM when half of another ${REDIRECTS} were answered: ${interrupted.redirected} redirects answered before the stop (${interrupted.errors} refused or cut connections after it); the server stopped in ${stopMs} ms; after a restart ${afterRestart - beforeStop} clicks were stored for that load.`,
].join('\n')
console.log(report)
mkdirSync('bench/results', { recursive: true })
writeFileSync(`bench/results/clicks-${Date.now()}.md`, `${report}\n`)
process.exit(0)
