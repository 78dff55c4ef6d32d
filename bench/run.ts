// npm run bench: builds (if needed) and starts the site on its own database, then measures
// requests per second and p50/p99 latency of every kind of reader page, warm, against two
// anchors in the same run: nginx serving the article's HTML from a file (the physical anchor,
// started here on a loopback port when nginx is installed) and the same bytes as a static file
// of the Next server; prints the ratios. Loopback only; bounded in time.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

import {
  CLIENT,
  benchServer,
  editorToken as signIn,
  measure as measureLoad,
  startNginx,
} from './server'

const PORT = Number(process.env.BENCH_PORT || 3400)
const NGINX_PORT = Number(process.env.BENCH_NGINX_PORT || 3401)
const origin = `http://127.0.0.1:${PORT}`
const DURATION = Number(process.env.BENCH_SECONDS || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS || 3)
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3)

const ARTICLE = '/articles/pmo-suited-person'
// the article page's own HTML, saved as a file in public/ and served by the same server: the
// same bytes over the static-file path, which is the baseline the cached page is held to
const STATIC_COPY = 'public/bench-article-copy.html'
const STATIC_PATH = '/bench-article-copy.html'

// Browsers ask for compressed pages; Next then gzips every answer, static files included.
const AS_BROWSERS_ASK = { 'Accept-Encoding': 'gzip, deflate, br' }
// the same bytes from nginx: NGINX + a file name
const NGINX = 'nginx:'
const NGINX_ARTICLE = `${NGINX}/article.html`
const targets: [name: string, pathname: string, headers?: Record<string, string>][] = [
  ['nginx: the article HTML from a file (anchor)', NGINX_ARTICLE],
  ['static file: a copy of the article HTML', STATIC_PATH],
  ['static file: og-default.png', '/og-default.png'],
  ['article', ARTICLE],
  ['home', '/'],
  ['category', '/categories/job-change'],
  ['agents list', '/agents'],
  ['agent page', '/agents/michibiki'],
  ['agent page, filtered', '/agents/michibiki?age=30s&sort=highest'],
  ['review form', '/agents/michibiki/review'],
  ['search 「年収」', '/search?q=%E5%B9%B4%E5%8F%8E'],
  ['policy page', '/ad-policy'],
  ['feed', '/feed.xml'],
  ['sitemap', '/sitemap.xml'],
  ['static copy of the article, compressed as browsers ask', STATIC_PATH, AS_BROWSERS_ASK],
  ['article, compressed as browsers ask', ARTICLE, AS_BROWSERS_ASK],
]

/** The bytes on the wire (compressed when asked for) and which cache answered. */
function probe(pathname: string, headers?: Record<string, string>) {
  return new Promise<{ bytes: number; cache: string }>((resolve, reject) => {
    http
      .get(urlOf(pathname), { headers }, (res) => {
        let bytes = 0
        res.on('data', (chunk: Buffer) => (bytes += chunk.length))
        res.on('end', () =>
          resolve({
            bytes,
            cache:
              res.headers['x-page-cache'] === 'HIT'
                ? 'page cache'
                : res.headers['x-nextjs-cache']
                  ? `Next ${res.headers['x-nextjs-cache']}`
                  : pathname.startsWith(NGINX)
                    ? 'nginx'
                    : '—',
          }),
        )
      })
      .on('error', reject)
  })
}

const site = benchServer(PORT, 'file:./data/bench/site.db')
const startServer = site.start
const stopServer = site.stop
const waitForServer = site.ready
const measure = (url: string, headers: Record<string, string> | undefined, seconds: number) =>
  measureLoad(url, headers, seconds, CONNECTIONS)

rmSync(path.resolve('data/bench'), { recursive: true, force: true })
rmSync(STATIC_COPY, { force: true })
// first start: build if needed, seed, and save the article's HTML as a static file (Next lists
// public/ when it starts, so the copy is served from the second start on)
let server = startServer()
await waitForServer(Date.now() + 15 * 60_000)
const articleHtml = await (await fetch(`${origin}${ARTICLE}`)).text()
writeFileSync(STATIC_COPY, articleHtml)
await stopServer(server)
server = startServer()
const nginx = await startNginx(NGINX_PORT, 'data/bench-nginx')
nginx?.put('article.html', articleHtml)
if (!nginx) console.warn('nginx is not installed (apt-get install nginx-light): no nginx row')
/** a target's address: the site, or nginx for NGINX targets */
const urlOf = (pathname: string) =>
  pathname.startsWith(NGINX)
    ? `${nginx?.origin}${pathname.slice(NGINX.length)}`
    : `${origin}${pathname}`

const editorToken = () => signIn(origin)

/**
 * Edits one text field of a published document through the REST API, then polls the public
 * page every 25 ms until the new text is served; returns the milliseconds from the moment the
 * API answered to the first fresh page. The field is put back afterwards.
 */
async function freshness(
  token: string,
  collection: string,
  slug: string,
  field: string,
  page: string,
): Promise<number> {
  const auth = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
  const found = await fetch(`${origin}/api/${collection}?where[slug][equals]=${slug}&depth=0`, {
    headers: auth,
  })
  const doc = ((await found.json()) as { docs: Record<string, unknown>[] }).docs[0]
  const original = String(doc[field])
  const marker = `計測${Date.now()}`
  const patch = (value: string) =>
    fetch(`${origin}/api/${collection}/${doc.id}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ [field]: value }),
    })
  await fetch(`${origin}${page}`) // the page is cached before the change
  const saved = await patch(`${original}${marker}`)
  if (!saved.ok) throw new Error(`saving ${collection}/${slug} failed: ${saved.status}`)
  const start = performance.now()
  try {
    for (;;) {
      const html = await (await fetch(`${origin}${page}`)).text()
      if (html.includes(marker)) return Math.round(performance.now() - start)
      if (performance.now() - start > 30_000) return Number.POSITIVE_INFINITY
      await new Promise((r) => setTimeout(r, 25))
    }
  } finally {
    await patch(original)
  }
}

/**
 * Unpublishes an article through the REST API (as the admin's button does) and measures until
 * its page answers 404, then publishes it again and measures until it answers 200.
 */
async function publicationFreshness(token: string, slug: string): Promise<[number, number]> {
  const auth = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
  const found = await fetch(`${origin}/api/articles?where[slug][equals]=${slug}&depth=0`, {
    headers: auth,
  })
  const id = ((await found.json()) as { docs: { id: string | number }[] }).docs[0].id
  const page = `${origin}/articles/${slug}`
  const until = async (data: unknown, status: number) => {
    await fetch(page) // cached before the change
    const saved = await fetch(`${origin}/api/articles/${id}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify(data),
    })
    if (!saved.ok) throw new Error(`changing ${slug} failed: ${saved.status}`)
    const start = performance.now()
    while ((await fetch(page)).status !== status) {
      if (performance.now() - start > 30_000) return Number.POSITIVE_INFINITY
      await new Promise((r) => setTimeout(r, 25))
    }
    return Math.round(performance.now() - start)
  }
  const gone = await until({ _status: 'draft', workflowState: 'draft' }, 404)
  const back = await until({ _status: 'published' }, 200)
  return [gone, back]
}

/**
 * Approves the seeded pending review of an agent (as an editor does in the admin) and measures
 * until the agent page shows it, then returns the review to pending.
 */
async function reviewFreshness(token: string, title: string, page: string): Promise<number> {
  const auth = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
  const found = await fetch(
    `${origin}/api/reviews?where[title][equals]=${encodeURIComponent(title)}&depth=0`,
    { headers: auth },
  )
  const review = ((await found.json()) as { docs: { id: string | number; status: string }[] })
    .docs[0]
  if (review?.status !== 'pending') throw new Error(`no pending review 「${title}」`)
  const setStatus = (status: string) =>
    fetch(`${origin}/api/reviews/${review.id}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ status }),
    })
  await fetch(`${origin}${page}`) // cached before the change
  const saved = await setStatus('approved')
  if (!saved.ok) throw new Error(`approving 「${title}」 failed: ${saved.status}`)
  const start = performance.now()
  try {
    while (!(await (await fetch(`${origin}${page}`)).text()).includes(title)) {
      if (performance.now() - start > 30_000) return Number.POSITIVE_INFINITY
      await new Promise((r) => setTimeout(r, 25))
    }
    return Math.round(performance.now() - start)
  } finally {
    await setStatus('pending')
  }
}

/** Lighthouse's default (mobile, simulated throttling) run of one page in Debian's chromium. */
async function lighthouseScores(url: string) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    })
    const categories = result?.lhr.categories ?? {}
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100)
    const audits = result?.lhr.audits ?? {}
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcp: audits['largest-contentful-paint']?.displayValue,
      cls: audits['cumulative-layout-shift']?.displayValue,
      tbt: audits['total-blocking-time']?.displayValue,
    }
  } finally {
    chrome.kill()
  }
}

try {
  await waitForServer(Date.now() + 60_000)
  type Row = { name: string; pathname: string; headers?: Record<string, string> } & Awaited<
    ReturnType<typeof probe>
  > &
    Awaited<ReturnType<typeof measure>>
  const rows: Row[] = []
  for (const [name, pathname, headers] of targets) {
    if (pathname.startsWith(NGINX) && !nginx) continue
    await fetch(urlOf(pathname)) // first render fills the caches
    // a short unmeasured load first, so that every page is measured with its code paths
    // compiled by V8 (the first seconds of a cold path run markedly slower)
    await measure(urlOf(pathname), headers, WARMUP)
    const { bytes, cache } = await probe(pathname, headers)
    rows.push({
      name,
      pathname,
      headers,
      bytes,
      cache,
      ...(await measure(urlOf(pathname), headers, DURATION)),
    })
  }
  // each page against the static copy asked for in the same way (plain or compressed)
  const baselineOf = (r: Row) =>
    rows.find((b) => b.pathname === STATIC_PATH && b.headers === r.headers) ??
    rows.find((b) => b.pathname === STATIC_PATH)!
  const anchor = rows.find((r) => r.pathname === NGINX_ARTICLE)
  const lines = [
    `| page | bytes sent | served from | req/s | p50 ms | p99 ms | vs nginx | vs static copy | errors |`,
    `| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...rows.map(
      (r) =>
        `| ${r.name} \`${r.pathname}\` | ${r.bytes} | ${r.cache} | ${r.rps} | ${r.p50} | ${r.p99} | ${anchor ? `${(r.rps / anchor.rps).toFixed(2)}×` : '—'} | ${(r.rps / baselineOf(r).rps).toFixed(2)}× | ${r.errors} |`,
    ),
  ]

  const token = await editorToken()
  const fresh = [
    [
      'article title → article page',
      'articles',
      'pmo-suited-person',
      'title',
      '/articles/pmo-suited-person',
    ],
    ['agent catch copy → agent page', 'agents', 'michibiki', 'catchCopy', '/agents/michibiki'],
    ['agent name → agents index', 'agents', 'michibiki', 'name', '/agents'],
    ['article title → home', 'articles', 'pmo-suited-person', 'title', '/'],
  ] as const
  lines.push('', '| change → page | fresh after (ms) |', '| --- | ---: |')
  for (const [label, collection, slug, field, page] of fresh) {
    const ms = await freshness(token, collection, slug, field, page)
    lines.push(`| ${label} | ${Number.isFinite(ms) ? ms : 'not within 30 s'} |`)
    console.log(lines.at(-1))
  }
  const shown = (ms: number) => (Number.isFinite(ms) ? String(ms) : 'not within 30 s')
  const reviewMs = await reviewFreshness(token, '土日の面談に対応してもらえた', '/agents/michibiki')
  lines.push(`| review approved → agent page | ${shown(reviewMs)} |`)
  const [gone, back] = await publicationFreshness(token, 'interview-questions')
  lines.push(`| unpublish → article page answers 404 | ${shown(gone)} |`)
  lines.push(`| publish again → article page answers 200 | ${shown(back)} |`)

  // Lighthouse's scores vary from run to run (its own advice: several runs, take the median).
  // The page is fetched first, as the readers before have left it in the caches.
  await fetch(`${origin}${ARTICLE}`)
  await fetch(`${origin}${ARTICLE}`)
  await new Promise((r) => setTimeout(r, 500))
  const runs = []
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await lighthouseScores(`${origin}${ARTICLE}`))
  runs.sort((a, b) => a.performance - b.performance)
  const lh = runs[Math.floor(runs.length / 2)]
  lines.push(
    '',
    `| Lighthouse (mobile) \`${ARTICLE}\`, median of ${runs.length} runs | score |`,
    '| --- | ---: |',
    `| performance | ${lh.performance} (runs: ${runs.map((r) => r.performance).join(', ')}) |`,
    `| accessibility | ${lh.accessibility} |`,
    `| best practices | ${lh.bestPractices} |`,
    `| SEO | ${lh.seo} |`,
    `| LCP / CLS / TBT | ${lh.lcp} / ${lh.cls} / ${lh.tbt} |`,
  )
  const report = `${lines.join('\n')}\n\n${CLIENT}, ${CONNECTIONS} connections × ${DURATION} s each (after ${WARMUP} s unmeasured), ${new Date().toISOString()}\n`
  console.log(report)
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(`bench/results/${Date.now()}.md`, report)
} finally {
  await stopServer(server)
  await nginx?.stop()
  rmSync(STATIC_COPY, { force: true })
}
process.exit(0)
