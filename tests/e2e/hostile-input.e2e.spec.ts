import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'

import { expect, test, type APIRequestContext } from '@playwright/test'

import { FILTER_PARAMS } from '../../lib/reviewFilters'
import { REFUSED_SHAPES, STAFF_LIST_QUERIES } from '../helpers/apiQueryShapes'
import { apiToken } from '../helpers/login'

// Hostile input against every public route and every API collection, generated from their
// lists: the routes are read from app/ (a new page is covered without editing this file), the
// collections from the running API, and each is asked every parameter the site or Payload
// reads, with every value of the corpus. Nothing may answer 5xx, take over a second, or echo
// markup back. Requests run a few at a time; each is timed, and one over a second is timed
// again alone after the rest (an input is expensive when it is slow then too).

const APP = path.resolve('app')
const MARKUP = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']

/** Query values: [raw text as it goes into the URL, what it is]. */
const CORPUS: [string, string][] = [
  ['constructor', 'inherited name'],
  ['__proto__', 'inherited name'],
  ['toString', 'inherited name'],
  ['', 'empty'],
  ['x'.repeat(10_000), '10,000 characters'],
  [encodeURIComponent('\u0000\u0007\u001f'), 'control characters'],
  [encodeURIComponent('\u200b\u200d\ufeff'), 'zero-width characters'],
  [encodeURIComponent('\u202eabc\u202c'), 'RTL override'],
  ['%', 'bad escape'],
  ['%E0%A4%A', 'bad escape'],
  ['%FF', 'bad escape'],
  ['-1', 'negative'],
  ['1e9', 'huge'],
  ['NaN', 'not a number'],
  ...MARKUP.map((m): [string, string] => [encodeURIComponent(m), 'markup']),
  [encodeURIComponent('a\r\nSet-Cookie: hostile=1'), 'CRLF'],
]

/** Every parameter a public page reads: search, paging, review filters, placement, preview. */
const SITE_PARAMS = [
  'q',
  'page',
  'sort',
  'rating',
  'from',
  'slug',
  'secret',
  ...Object.keys(FILTER_PARAMS),
]
/** Every parameter Payload's REST API reads. */
const API_PARAMS = [
  'limit',
  'depth',
  'page',
  'sort',
  'draft',
  'locale',
  'fallback-locale',
  'pagination',
  'select[title]',
  'populate[agents][name]',
  'joins[history][limit]',
  'where[id][equals]',
  'where[title][like]',
  'where[slug][in]',
  'where[createdAt][greater_than]',
  'where[or][0][id][not_equals]',
]

/** The site's routes as URL patterns, from the app directory ((groups) dropped). */
function siteRoutes(): string[] {
  const routes = new Set<string>()
  const visit = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry)
      if (statSync(full).isDirectory()) {
        if (entry === '(payload)') continue
        visit(full, /^\(.*\)$/.test(entry) ? segments : [...segments, entry])
      } else if (/^(page|route)\.tsx?$/.test(entry)) {
        routes.add(`/${segments.join('/')}`)
      } else if (/^(sitemap|robots)\.ts$/.test(entry)) {
        routes.add(
          `/${[...segments, entry.startsWith('sitemap') ? 'sitemap.xml' : 'robots.txt'].join('/')}`,
        )
      }
    }
  }
  visit(APP, [])
  return [...routes].sort()
}

/** A real value for each dynamic segment, so that the page behind it is reached. */
const KNOWN: Record<string, string> = {
  agents: 'michibiki',
  articles: 'pmo-suited-person',
  categories: 'freelance',
  go: 'michibiki-a8',
  sitemaps: 'articles-0.xml',
}

function concrete(route: string, segmentValue?: string): string {
  const parts = route.split('/')
  return parts
    .map((part, i) => {
      if (part.startsWith('[...')) return segmentValue ?? 'no/such/page'
      if (part.startsWith('[')) return segmentValue ?? KNOWN[parts[i - 1]] ?? 'x'
      return part
    })
    .join('/')
}

type Finding = string

async function probe(request: APIRequestContext, url: string, findings: Finding[], slow: string[]) {
  const started = performance.now()
  let status = 0
  let body = ''
  let headers: Record<string, string> = {}
  try {
    const res = await request.get(url, { maxRedirects: 0, timeout: 10_000 })
    status = res.status()
    headers = res.headers()
    body = status >= 300 && status < 400 ? '' : await res.text()
  } catch (error) {
    findings.push(`${url.slice(0, 160)}: no answer (${(error as Error).message.split('\n')[0]})`)
    return
  }
  const ms = performance.now() - started
  const where = url.length > 160 ? `${url.slice(0, 160)}…` : url
  if (status >= 500) findings.push(`${where}: ${status}`)
  // An input that is expensive is slow every time; a request that only waited behind a pause
  // of the machine (a busy CI runner) is not, so a slow one is timed again on its own.
  if (ms > 1_000) slow.push(url)
  for (const markup of MARKUP)
    if (body.includes(markup)) findings.push(`${where}: echoed ${markup}`)
  if ((headers['set-cookie'] ?? '').includes('hostile')) findings.push(`${where}: header injected`)
}

async function runAll(request: APIRequestContext, urls: string[], findings: Finding[]) {
  const queue = [...urls]
  const slow: string[] = []
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        await probe(request, url, findings, slow)
      }
    }),
  )
  // the slow ones are timed again alone, once the others have finished
  for (const url of slow) {
    const started = performance.now()
    await (await request.get(url, { maxRedirects: 0, timeout: 10_000 })).body()
    const ms = performance.now() - started
    if (ms > 1_000) findings.push(`${url.slice(0, 160)}: ${Math.round(ms)} ms, also on its own`)
  }
}

const withParams = (base: string, params: string[]) =>
  params.flatMap((param) => [
    ...CORPUS.map(([value]) => `${base}?${param}=${value}`),
    `${base}?${param}=1&${param}=2`, // an array where one value is read
    `${base}?${param}[]=1`,
  ])

test.describe('hostile input', () => {
  test.describe.configure({ timeout: 15 * 60_000 })

  test('every public route × every parameter × the corpus', async ({ request }) => {
    const routes = siteRoutes()
    // the generator found the site's pages (a sanity check on the generator itself)
    expect(routes).toEqual(
      expect.arrayContaining(['/', '/articles/[slug]', '/agents/[slug]', '/search']),
    )
    const urls = routes.flatMap((route) => [
      ...withParams(concrete(route), SITE_PARAMS),
      ...(route.includes('[') ? CORPUS.map(([value]) => concrete(route, value || '%20')) : []),
    ])
    const findings: Finding[] = []
    await runAll(request, urls, findings)
    expect(findings).toEqual([])
  })

  test('every API collection × every parameter × the corpus', async ({ request }) => {
    const access = (await (await request.get('/api/access')).json()) as {
      collections: Record<string, unknown>
      globals: Record<string, unknown>
    }
    const collections = Object.keys(access.collections)
    expect(collections).toEqual(expect.arrayContaining(['articles', 'agents', 'reviews', 'media']))
    const urls = [
      ...collections.flatMap((slug) => [
        ...withParams(`/api/${slug}`, API_PARAMS),
        ...CORPUS.map(([value]) => `/api/${slug}/${value || '%20'}`),
        `/api/${slug}/count?where[id][near]=1`,
      ]),
      ...Object.keys(access.globals).flatMap((slug) =>
        withParams(`/api/globals/${slug}`, ['depth', 'locale', 'draft']),
      ),
      ...CORPUS.map(([value]) => `/api/media/file/${value || '%20'}`),
      '/api/payload-migrations',
      '/api/no-such-collection',
    ]
    const findings: Finding[] = []
    await runAll(request, urls, findings)
    expect(findings).toEqual([])
  })

  test('queries no index answers are refused for visitors; the admin lists still answer', async ({
    request,
  }) => {
    const messages = async (res: Awaited<ReturnType<APIRequestContext['get']>>) =>
      ((await res.json()) as { errors?: { message: string }[] }).errors?.map((e) => e.message)
    for (const [query, message] of REFUSED_SHAPES) {
      const res = await request.get(`/api/${query}`)
      expect(res.status(), query).toBe(400)
      expect(await messages(res), query).toEqual([message])
    }
    // GraphQL asks the same of the collections' queries; as GraphQL over HTTP does for an
    // error in running the query, it answers 200 with the error and its status beside it
    const [, likeMessage] = REFUSED_SHAPES[0]!
    const graphql = await request.post('/api/graphql', {
      data: { query: '{ Reviews(where: { body: { like: "の" } }, limit: 1) { totalDocs } }' },
    })
    expect(graphql.status()).toBe(200)
    const answer = (await graphql.json()) as {
      errors?: { message: string; extensions?: { statusCode?: number } }[]
    }
    expect(answer.errors?.map((e) => [e.message, e.extensions?.statusCode])).toEqual([
      [likeMessage, 400],
    ])

    const token = await apiToken(request, 'editor')
    for (const query of STAFF_LIST_QUERIES) {
      const res = await request.get(`/api/${query}`, { headers: { Authorization: `JWT ${token}` } })
      expect(res.status(), `${query}: ${JSON.stringify(await messages(res))}`).toBe(200)
    }
    // the admin's own list page, searching titles
    const list = await request.get(
      `/admin/collections/articles?search=${encodeURIComponent('転職')}`,
      {
        headers: { Cookie: `payload-token=${token}` },
      },
    )
    expect(list.status()).toBe(200)
  })

  test('malformed bodies get a 4xx', async ({ request }) => {
    const cases: [string, string, string][] = [
      ['/api/graphql', 'application/json', 'not json'],
      ['/api/graphql', 'application/json', '{"query": 1}'],
      ['/api/articles', 'application/json', '{bad'],
      ['/api/media', 'multipart/form-data; boundary=xx', 'garbage'],
      ['/api/users/login', 'application/json', '[]'],
    ]
    for (const [url, type, body] of cases) {
      const res = await request.post(url, { headers: { 'Content-Type': type }, data: body })
      expect(res.status(), `${url} ${body}`).toBeGreaterThanOrEqual(400)
      expect(res.status(), `${url} ${body}`).toBeLessThan(500)
    }
  })
})
