import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { apiToken } from '../helpers/login'

const jsonLd = async (page: Page) =>
  (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
    (text) => JSON.parse(text) as Record<string, unknown>,
  )

const locations = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)

/**
 * Validates a sitemap document with xmllint against the Sitemaps protocol's schema: the urlset
 * schema the `sitemap` package ships, the index schema in tests/helpers. Returns xmllint's
 * complaints (empty when valid).
 */
function schemaErrors(xml: string, kind: 'index' | 'urlset'): string {
  const schema =
    kind === 'index'
      ? path.resolve('tests/helpers/sitemapindex.xsd')
      : path.resolve('node_modules/sitemap/schema/sitemap.xsd')
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sitemap-')), `${kind}.xml`)
  writeFileSync(file, xml)
  try {
    execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' })
    return ''
  } catch (error) {
    const { stderr, message } = error as { stderr?: Buffer; message: string }
    return stderr?.toString() || message
  }
}

/** Every file the sitemap index lists, read one after another, as one text. */
async function sitemapText(request: APIRequestContext) {
  const index = await (await request.get('/sitemap.xml')).text()
  const files = await Promise.all(
    locations(index).map(async (loc) => {
      const res = await request.get(new URL(loc).pathname)
      expect(res.status(), loc).toBe(200)
      return res.text()
    }),
  )
  return files.join('\n')
}

test.describe('search engines and sharing', () => {
  test('public pages ask for no client hint that would restart a first visit; the admin does', async ({
    request,
  }) => {
    const article = await request.get('/articles/pmo-suited-person')
    expect(article.headers()['critical-ch']).toBeUndefined()
    expect(article.headers()['vary'] ?? '').not.toContain('Sec-CH-Prefers-Color-Scheme')
    const admin = await request.get('/admin/login')
    expect(admin.headers()['critical-ch']).toBe('Sec-CH-Prefers-Color-Scheme')
  })

  test('robots.txt keeps crawlers out of /go/, the admin and the API and names the sitemap', async ({
    request,
  }) => {
    const text = await (await request.get('/robots.txt')).text()
    expect(text).toMatch(/Disallow: \/go\//)
    expect(text).toMatch(/Disallow: \/admin/)
    expect(text).toMatch(/Disallow: \/api/)
    expect(text).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/)
  })

  test('the sitemap is an index of files listing articles, agents, categories and reviews with lastmod, never drafts', async ({
    request,
  }) => {
    const index = await request.get('/sitemap.xml')
    expect(index.headers()['content-type']).toContain('application/xml')
    const indexXml = await index.text()
    expect(indexXml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    const files = locations(indexXml).map((loc) => new URL(loc).pathname)
    expect(files).toEqual([
      '/sitemaps/pages.xml',
      '/sitemaps/articles-0.xml',
      '/sitemaps/reviews-0.xml',
    ])
    // every file the index names has its last change, and every document passes the schema
    expect(indexXml.match(/<lastmod>[^<]+<\/lastmod><\/sitemap>/g)?.length).toBe(files.length)
    expect(schemaErrors(indexXml, 'index')).toBe('')
    for (const file of files) {
      expect(schemaErrors(await (await request.get(file)).text(), 'urlset'), file).toBe('')
    }
    const pages = await (await request.get('/sitemaps/pages.xml')).text()
    for (const policy of ['/about', '/ad-policy', '/privacy', '/review-guidelines']) {
      expect(pages, policy).toMatch(new RegExp(`${policy}</loc><lastmod>\\d{4}-`))
    }
    const xml = await sitemapText(request)
    expect(xml).toContain('/articles/pmo-suited-person</loc>')
    expect(xml).toContain('/agents/freelance-port</loc>')
    expect(xml).toContain('/categories/job-change</loc>')
    expect(xml).toContain('<lastmod>')
    expect(xml).not.toContain('side-job-rules')
    // each published review's own page, and no review that is not published
    const reviewPages = [
      ...xml.matchAll(/<loc>([^<]+\/agents\/[a-z0-9-]+\/reviews\/[^<]+)<\/loc>/g),
    ]
    expect(reviewPages.length).toBeGreaterThan(5)
    const listed = await request.get(new URL(reviewPages[0]![1]!).pathname)
    expect(listed.status()).toBe(200)
    const editor = await apiToken(request, 'editor')
    for (const status of ['pending', 'rejected']) {
      const found = await request.get(
        `/api/reviews?where[status][equals]=${status}&limit=1&depth=0`,
        {
          headers: { Authorization: `JWT ${editor}` },
        },
      )
      const [hidden] = ((await found.json()) as { docs: { id: string | number }[] }).docs
      expect(hidden, status).toBeDefined()
      expect(xml, status).not.toContain(`/reviews/${hidden!.id}</loc>`)
    }
    // no file past the last, and nothing that is not a sitemap file
    for (const path of [
      '/sitemaps/articles-1.xml',
      '/sitemaps/reviews-1.xml',
      '/sitemaps/articles-01.xml',
      '/sitemaps/x.xml',
    ]) {
      expect((await request.get(path)).status(), path).toBe(404)
    }
  })

  test('the RSS feed carries the newest published articles', async ({ request }) => {
    const response = await request.get('/feed.xml')
    expect(response.headers()['content-type']).toContain('application/rss+xml')
    const xml = await response.text()
    expect(xml).toContain('<rss version="2.0"')
    expect(xml).toContain(
      '<title>PMOに向いている人・向いていない人の特徴|求められるスキルと案件の探し方</title>',
    )
    expect(xml).not.toContain('side-job-rules')
  })

  test('an article has canonical, Open Graph, Twitter card and Article + BreadcrumbList data', async ({
    page,
  }) => {
    await page.goto('/articles/pmo-suited-person')
    await expect(page).toHaveTitle(/PMOに向いている人.*\| キャリアしるべ$/)
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      /\/articles\/pmo-suited-person$/,
    )
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article')
    await expect(page.locator('meta[property="og:image"]').first()).toHaveAttribute(
      'content',
      /hero-pmo-suited-person.*1200x630/,
    )
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
      'content',
      'summary_large_image',
    )
    const data = await jsonLd(page)
    const article = data.find((d) => d['@type'] === 'Article')
    expect(article).toMatchObject({
      headline: expect.stringContaining('PMO'),
      datePublished: expect.any(String),
    })
    expect(data.find((d) => d['@type'] === 'BreadcrumbList')).toBeTruthy()
    expect(data.find((d) => d['@type'] === 'Organization' && d['@id'])).toBeTruthy()
  })

  test('an agent page has AggregateRating and Review data matching the page', async ({ page }) => {
    await page.goto('/agents/freelance-port')
    const agent = (await jsonLd(page)).find(
      (d) => d['@type'] === 'Organization' && d.name === 'フリーランスポート',
    )
    expect(agent?.aggregateRating).toMatchObject({ '@type': 'AggregateRating', reviewCount: 7 })
    const reviews = agent?.review as { author: { name: string } }[]
    expect(reviews.length).toBe(await page.getByTestId('review').count())
    // each author is the reader's pen name, as the page shows it, or a fixed wording
    const shown = await page
      .getByTestId('review')
      .getByText(/^投稿者:/)
      .allTextContents()
    expect(reviews.map((r) => r.author.name)).toEqual(
      shown.map((text) => text.replace(/^投稿者:/, '').replace(/さん$/, '')),
    )
    expect(reviews.some((r) => r.author.name === '匿名の利用者')).toBe(true)
    expect(reviews.some((r) => r.author.name !== '匿名の利用者')).toBe(true)
  })

  test('an agent is its agency: url the official site, sameAs its profiles; the site has a logo', async ({
    page,
    request,
  }) => {
    const auth = { Authorization: `JWT ${await apiToken(request, 'editor')}` }
    const found = await request.get('/api/agents?where[slug][equals]=consul-links&depth=0', {
      headers: auth,
    })
    const [agent] = ((await found.json()) as { docs: { id: string | number }[] }).docs
    const profile = 'https://social.example/@consul-links'
    const save = (data: Record<string, unknown>) =>
      request.patch(`/api/agents/${agent!.id}`, { headers: auth, data })
    // an http:// address or an affiliate network's is refused, with the reason
    const insecure = await save({ officialUrl: 'http://consul-links.example/' })
    expect(insecure.status()).toBe(400)
    expect(JSON.stringify(await insecure.json())).toContain('https:// で始まる公式サイトのURL')
    expect((await save({ sameAs: [{ url: profile }] })).ok()).toBe(true)
    try {
      await expect
        .poll(async () => {
          await page.goto('/agents/consul-links')
          return (await jsonLd(page)).find((d) => d['@type'] === 'Organization' && d.sameAs)
        })
        .toMatchObject({ url: 'https://consul-links.example/', sameAs: [profile] })
      // readers find the official site among the facts
      await expect(page.getByRole('link', { name: 'consul-links.example' })).toHaveAttribute(
        'href',
        'https://consul-links.example/',
      )
      const site = (await jsonLd(page)).find(
        (d) => d['@id'] === `${new URL(page.url()).origin}/#organization`,
      )
      expect(site?.logo).toMatchObject({ '@type': 'ImageObject' })
      const logo = await request.get(new URL((site!.logo as { url: string }).url).pathname)
      expect(logo.status()).toBe(200)
      expect(logo.headers()['content-type']).toContain('image/svg+xml')
    } finally {
      await save({ sameAs: [] })
    }
  })
})

test('a changed slug: the old address answers 301 to the new one, the sitemap lists only the new', async ({
  request,
}) => {
  const auth = { Authorization: `JWT ${await apiToken(request, 'editor')}` }
  const categories = await request.get('/api/categories?limit=1&depth=0', { headers: auth })
  const category = ((await categories.json()) as { docs: { id: string | number }[] }).docs[0]
  const stamp = Date.now().toString(36)
  const created = await request.post('/api/articles?depth=0', {
    headers: auth,
    data: {
      title: `面接の逆質問で印象を上げるコツ${stamp}`,
      slug: `reverse-question-${stamp}`,
      lead: '逆質問は、働き方を具体的に知るための時間です。',
      body: {
        root: {
          type: 'root',
          version: 1,
          format: '',
          indent: 0,
          direction: null,
          children: [
            {
              type: 'paragraph',
              version: 1,
              format: '',
              indent: 0,
              direction: null,
              textFormat: 0,
              children: [
                {
                  type: 'text',
                  version: 1,
                  text: '本文です。',
                  format: 0,
                  detail: 0,
                  mode: 'normal',
                  style: '',
                },
              ],
            },
          ],
        },
      },
      categories: [category.id],
      _status: 'published',
    },
  })
  expect(created.ok(), await created.text()).toBe(true)
  const { doc } = (await created.json()) as { doc: { id: string | number } }
  const oldPath = `/articles/reverse-question-${stamp}`
  const newPath = `/articles/reverse-question-tips-${stamp}`
  expect((await request.get(oldPath)).status()).toBe(200)

  const moved = await request.patch(`/api/articles/${doc.id}?depth=0`, {
    headers: auth,
    data: { slug: `reverse-question-tips-${stamp}` },
  })
  expect(moved.ok(), await moved.text()).toBe(true)

  const old = await request.get(`${oldPath}?utm_source=x`, { maxRedirects: 0 })
  expect(old.status()).toBe(301)
  expect(old.headersArray().filter((h) => h.name.toLowerCase() === 'location')).toHaveLength(1)
  expect(new URL(old.headers()['location'], 'http://site').pathname).toBe(newPath)
  expect((await request.get(newPath)).status()).toBe(200)
  const sitemap = await sitemapText(request)
  expect(sitemap).toContain(newPath)
  expect(sitemap).not.toContain(`${oldPath}<`)
})

test('markup the validators accept: list items numbered only in ordered lists, headings in order', async ({
  page,
}) => {
  await page.goto('/articles/pmo-suited-person')
  expect(await page.locator('article ul > li').count()).toBeGreaterThan(0)
  await expect(page.locator('ul > li[value]')).toHaveCount(0)
  for (const path of ['/categories/job-change', '/articles/pmo-suited-person', '/']) {
    await page.goto(path)
    const levels = await page
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((headings) => headings.map((h) => Number(h.tagName.slice(1))))
    // no level skipped on the way down (axe heading-order)
    levels.forEach((level, i) => {
      if (i > 0)
        expect(level - levels[i - 1]!, `${path}: ${levels.join(' ')}`).toBeLessThanOrEqual(1)
    })
  }
})
