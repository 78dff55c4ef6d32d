import { expect, test, type Page } from '@playwright/test'

const jsonLd = async (page: Page) =>
  (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
    (text) => JSON.parse(text) as Record<string, unknown>,
  )

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

  test('the sitemap lists articles, agents and categories with lastmod, never drafts', async ({
    request,
  }) => {
    const xml = await (await request.get('/sitemap.xml')).text()
    expect(xml).toContain('/articles/pmo-suited-person</loc>')
    expect(xml).toContain('/agents/freelance-port</loc>')
    expect(xml).toContain('/categories/job-change</loc>')
    expect(xml).toContain('<lastmod>')
    expect(xml).not.toContain('side-job-rules')
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
    const reviews = agent?.review as unknown[]
    expect(reviews.length).toBe(await page.getByTestId('review').count())
  })
})
