// npm run bench:memory: do the server's in-process stores stay bounded? Starts the site on its
// own database (port 3440, loopback), then:
//   1. requests BENCH_URLS (default 100,000) distinct URLs, 20 at a time: article pages with
//      query variants (the page cache keys them by path), unknown article slugs (404 pages),
//      search words, agent pages with filter variants;
//   2. sends BENCH_ADDRESSES (default 10,000) sign-in attempts, each from an address of its own
//      (the sign-in limiter's counts), and as many /go/ redirects from distinct readers (the
//      click buffer, the visitor markers);
// and reports the server process's RSS before, after each phase and after a pause, against
// BENCH_RSS_CEILING_MB (default 1024): it exits 1 when the ceiling is passed.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'

import { benchServer } from './server'

const PORT = Number(process.env.BENCH_PORT || 3440)
const URLS = Number(process.env.BENCH_URLS || 100_000)
const ADDRESSES = Number(process.env.BENCH_ADDRESSES || 10_000)
const CEILING_MB = Number(process.env.BENCH_RSS_CEILING_MB || 1024)
const CONCURRENCY = 20
const DATA = 'data/bench-memory'
const DB_FILE = path.resolve(DATA, 'site.db')

const site = benchServer(PORT, `file:./${DATA}/site.db`, { TRUST_PROXY: '1' })
const { origin } = site

const rssMB = () => {
  const pid = Number(readFileSync(`${DB_FILE}.server.pid`, 'utf8'))
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
  return Math.round(kb / 1024)
}

const urlOf = (n: number) => {
  switch (n % 4) {
    case 0:
      return `/articles/pmo-suited-person?utm_source=s${n}&ref=${n}`
    case 1:
      return `/articles/no-such-article-${n}`
    case 2:
      return `/search?q=${encodeURIComponent(`検索語${n}`)}`
    default:
      return `/agents/consul-links?sort=helpful&page=${(n % 3) + 1}&x=${n}`
  }
}

/** Bytes on disk under a folder of .next (Next's caches), in MB. */
function diskMB(dir: string): number {
  const folder = path.resolve('.next', dir)
  if (!existsSync(folder)) return 0
  let bytes = 0
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += statSync(path.join(entry.parentPath, entry.name)).size
  }
  return Math.round(bytes / 1048576)
}
const nextCachesOnDiskMB = () => ({
  routeCache: diskMB('server/route-cache'),
  fetchCache: diskMB('cache/fetch-cache'),
})

/** RSS every 10,000 requests: a bounded store levels off, a leak keeps climbing. */
const samples: Array<[number, number]> = []

async function run(count: number, one: (n: number) => Promise<Response>) {
  let next = 0
  const statuses = new Map<number, number>()
  let failed = 0
  const started = Date.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let n = next++; n < count; n = next++) {
        try {
          const res = await one(n)
          await res.arrayBuffer()
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
          if (n % 10_000 === 9_999) {
            samples.push([n + 1, rssMB()])
            // as it goes: a run stopped early still tells its story
            console.log(`${n + 1} requests: RSS ${samples.at(-1)![1]} MB`)
          }
        } catch {
          failed++
        }
      }
    }),
  )
  return {
    seconds: Math.round((Date.now() - started) / 100) / 10,
    statuses: Object.fromEntries(statuses),
    failed,
  }
}

async function main() {
  rmSync(DATA, { recursive: true, force: true })
  const child = site.start()
  try {
    await site.ready(Date.now() + 15 * 60_000)
    for (let n = 0; n < 200; n++) await (await fetch(`${origin}${urlOf(n)}`)).arrayBuffer()
    const before = rssMB()
    const diskBefore = nextCachesOnDiskMB()
    const urls = await run(URLS, (n) => fetch(`${origin}${urlOf(n)}`))
    const afterUrls = rssMB()
    console.log(`URLs done: ${JSON.stringify(urls)}, RSS ${afterUrls} MB`)
    const urlSamples = samples.splice(0)
    const signIns = await run(ADDRESSES, (n) =>
      fetch(`${origin}/api/users/login`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Forwarded-For': `10.${90 + Math.floor(n / 62_500)}.${Math.floor(n / 250) % 250}.${n % 250}`,
        },
        body: JSON.stringify({ email: `nobody${n}@example.com`, password: 'wrong-password' }),
      }),
    )
    const redirects = await run(ADDRESSES, (n) =>
      fetch(`${origin}/go/michibiki-a8?from=agent-michibiki`, {
        redirect: 'manual',
        headers: {
          'X-Forwarded-For': `10.${120 + Math.floor(n / 62_500)}.${Math.floor(n / 250) % 250}.${n % 250}`,
          'User-Agent': `Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0 Safari/537.36 m${n}`,
        },
      }),
    )
    const afterAddresses = rssMB()
    console.log(`addresses done: RSS ${afterAddresses} MB`)
    await new Promise((r) => setTimeout(r, 30_000))
    const settled = rssMB()
    const report = {
      urls: { count: URLS, ...urls },
      signIns: { count: ADDRESSES, ...signIns },
      redirects: { count: ADDRESSES, ...redirects },
      rssMB: { before, afterUrls, afterAddresses, after30s: settled, ceiling: CEILING_MB },
      rssMBEvery10kUrls: urlSamples,
      nextCachesOnDiskMB: { before: diskBefore, after: nextCachesOnDiskMB() },
    }
    console.log(JSON.stringify(report, null, 2))
    if (Math.max(afterUrls, afterAddresses, settled) > CEILING_MB) {
      console.error(`RSS passed the ceiling of ${CEILING_MB} MB`)
      process.exitCode = 1
    }
  } finally {
    await site.stop(child)
  }
}

await main()
