import { randomBytes } from 'node:crypto'

import { expect, test, type APIRequestContext } from '@playwright/test'

import { lexical, paragraph } from '../helpers/fixtures'
import { apiToken } from '../helpers/login'

/** Publishes an article in the first category through the REST API, as an editor does. */
async function publishArticle(
  request: APIRequestContext,
  auth: Record<string, string>,
  article: { title: string; slug: string; lead: string },
) {
  const categories = (await (await request.get('/api/categories?limit=1&depth=0')).json()) as {
    docs: { id: string | number }[]
  }
  const categoryId = categories.docs[0]!.id
  const created = await request.post('/api/articles', {
    headers: auth,
    data: {
      ...article,
      body: lexical(paragraph('本文です。')),
      categories: [categoryId],
      _status: 'published',
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { doc } = (await created.json()) as { doc: { id: string | number; slug: string } }
  return { doc, categoryId }
}

// The load under which edits once left an article page stale until the next edit: 25 title
// changes by an editor, one after another, while 200 readers request the page, through the
// page cache and past it (a `_` parameter goes to Next), and the home and category pages that
// list it (both from the page cache, under the article-list tag). Every answer to a request
// that began more than 1 s after the last change was saved must show the last title.

const READERS = 200
const WRITES = 25

test('the page shows the last of 25 edits made under load within 1 s', async ({
  request,
  baseURL,
}) => {
  test.setTimeout(180_000)
  const token = await apiToken(request, 'editor')
  const auth = { Authorization: `JWT ${token}` }
  const s = randomBytes(4).toString('hex')
  const { doc, categoryId } = await publishArticle(request, auth, {
    title: `負荷中の更新 ${s}`,
    slug: `freshness-${s}`,
    lead: '負荷をかけながら更新する記事です。',
  })
  const page = `${baseURL}/articles/${doc.slug}`
  const category = (await (await request.get(`/api/categories/${categoryId}?depth=0`)).json()) as {
    slug: string
  }
  const addresses = [
    page,
    `${page}?_reader=1`,
    `${baseURL}/`,
    `${baseURL}/categories/${category.slug}`,
  ]
  // the title as the page shows it (the article's heading, or its card in a list)
  const titleOf = (html: string) => new RegExp(`負荷中の更新 ${s}(?: 第\\d+版)?`).exec(html)?.[0]

  type Seen = { startedAt: number; title: string | undefined; status: number; url: string }
  const seen: Seen[] = []
  let reading = true
  const readers = Array.from({ length: READERS }, async (_, i) => {
    const url = addresses[i % addresses.length]!
    while (reading) {
      const startedAt = Date.now()
      try {
        const res = await fetch(url)
        seen.push({ startedAt, title: titleOf(await res.text()), status: res.status, url })
      } catch {
        await new Promise((r) => setTimeout(r, 20)) // a refused connection: try again shortly
      }
    }
  })

  let last = ''
  for (let n = 1; n <= WRITES; n++) {
    last = `負荷中の更新 ${s} 第${n}版`
    const res = await request.patch(`/api/articles/${doc.id}`, {
      headers: auth,
      data: { title: last },
    })
    expect(res.status(), await res.text()).toBe(200)
  }
  const savedAt = Date.now()
  // Keep reading until enough requests begun 1 s after the save have been answered. On a slow
  // machine 200 readers can keep every request waiting for seconds, so a fixed window may see
  // almost none of them; the 30 s cap only ends a run that cannot get there.
  const isLate = (r: Seen) => r.startedAt >= savedAt + 1_000
  while (seen.filter(isLate).length < 100 && Date.now() - savedAt < 30_000) {
    await new Promise((r) => setTimeout(r, 100))
  }
  reading = false
  await Promise.all(readers)

  const late = seen.filter(isLate)
  expect(late.length, 'answers to requests begun 1 s after the last save').toBeGreaterThan(50)
  expect(late.filter((r) => r.status !== 200)).toEqual([])
  const stale = late.filter((r) => r.title !== last)
  expect(stale.map((r) => `${r.url} ${r.startedAt - savedAt} ms: ${r.title}`)).toEqual([])
  for (const url of addresses) {
    expect(late.filter((r) => r.url === url).length, url).toBeGreaterThan(5)
  }

  // and readers arriving afterwards, through the page cache and past it, get the last title
  for (const url of [...addresses, `${page}?_after=1`]) {
    expect(titleOf(await (await fetch(url)).text())).toBe(last)
  }
  await request.delete(`/api/articles/${doc.id}`, { headers: auth })
})

test('publishing adds an article to the feed and the sitemap within 1 s, and unpublishing takes it out', async ({
  request,
  baseURL,
}) => {
  const token = await apiToken(request, 'editor')
  const auth = { Authorization: `JWT ${token}` }
  const s = randomBytes(4).toString('hex')
  const index = await (await fetch(`${baseURL}/sitemap.xml`)).text()
  // the newest article is listed in the last article file (lib/sitemap.ts; the review files
  // come after the article files)
  const lastFile = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((m) => m[1]!)
    .filter((loc) => /\/sitemaps\/articles-\d+\.xml$/.test(loc))
    .at(-1)!
  const feed = `${baseURL}/feed.xml`
  // both are read until the page cache answers them (it stores a page once compressed)
  for (const url of [feed, lastFile]) {
    await expect
      .poll(async () => (await fetch(url)).headers.get('x-page-cache'), { message: url })
      .toBe('HIT')
  }
  const { doc } = await publishArticle(request, auth, {
    title: `フィードに載る記事 ${s}`,
    slug: `feed-${s}`,
    lead: 'フィードとサイトマップに載る記事です。',
  })
  const listed = async () => ({
    feed: (await (await fetch(feed)).text()).includes(`/articles/feed-${s}</link>`),
    sitemap: (await (await fetch(lastFile)).text()).includes(`/articles/feed-${s}</loc>`),
  })
  await new Promise((r) => setTimeout(r, 1_000))
  expect(await listed()).toEqual({ feed: true, sitemap: true })

  const unpublished = await request.patch(`/api/articles/${doc.id}`, {
    headers: auth,
    data: { _status: 'draft', workflowState: 'draft' },
  })
  expect(unpublished.status(), await unpublished.text()).toBe(200)
  await new Promise((r) => setTimeout(r, 1_000))
  expect(await listed()).toEqual({ feed: false, sitemap: false })
  await request.delete(`/api/articles/${doc.id}`, { headers: auth })
})
