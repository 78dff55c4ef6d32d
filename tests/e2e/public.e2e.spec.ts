import { expect, test, type APIRequestContext } from '@playwright/test'
import http from 'node:http'

import { apiToken } from '../helpers/login'

test.describe('public site', () => {
  test('home lists published articles in Japanese, and never a draft', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
    const latest = page.getByRole('region', { name: '新着記事' })
    await expect(
      latest.getByRole('link', { name: /PMOに向いている人・向いていない人の特徴/ }),
    ).toBeVisible()
    await expect(latest.getByRole('link', { name: /職務経歴書の書き方の基本/ })).toBeVisible()
    // editors' picks are shown first
    const featured = page.getByRole('region', { name: '注目の記事' })
    await expect(
      featured.getByRole('link', { name: /転職活動を始めるベストなタイミング/ }),
    ).toBeVisible()
    // the seeded draft exists in the admin only
    await expect(page.getByText('副業を始める前に確認したい就業規則のポイント')).toHaveCount(0)
    await expect(page.locator('footer')).toContainText('有料職業紹介事業の許可')
  })

  test('a promotional article shows the PR line first, inside the first screen on a phone', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 667 })
    await page.goto('/articles/pmo-suited-person')
    const disclosure = page.getByTestId('pr-disclosure')
    await expect(disclosure).toHaveText(/プロモーション\(PR\)が含まれています/)
    const box = await disclosure.boundingBox()
    expect(box).not.toBeNull()
    expect(box!.y + box!.height).toBeLessThanOrEqual(667)
    // it is the first thing in the main content, before the title
    const order = await page.evaluate(() => {
      const main = document.querySelector('main')!
      const pr = main.querySelector('[data-testid="pr-disclosure"]')!
      const h1 = main.querySelector('h1')!
      return pr.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING
    })
    expect(order).toBeTruthy()
    // at least body size (16px)
    const fontSize = await disclosure.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(fontSize).toBeGreaterThanOrEqual(16)
    // the page itself does not scroll sideways on a phone
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(overflow).toBeLessThanOrEqual(375)
  })

  test('the article renders headings, lists, blocks and PR-marked sponsored CTAs', async ({
    page,
  }) => {
    await page.goto('/articles/pmo-suited-person')
    await expect(page.getByRole('heading', { level: 1 })).toContainText('PMOに向いている人')
    await expect(
      page.getByRole('heading', { level: 2, name: 'PMOとは:プロジェクトを裏側から支える役割' }),
    ).toBeVisible()
    await expect(page.getByRole('navigation', { name: '目次' })).toBeVisible()
    await expect(page.locator('article li').filter({ hasText: '工数や予算の集計' })).toBeVisible()
    await expect(page.getByText('監修者')).toBeVisible()

    const ctas = page.locator('a[data-cta="affiliate"]')
    expect(await ctas.count()).toBeGreaterThanOrEqual(3)
    for (const cta of await ctas.all()) {
      await expect(cta).toHaveAttribute('rel', 'sponsored noopener')
      await expect(cta).toHaveAttribute(
        'href',
        /^\/go\/[a-z0-9-]+\?from=pmo-suited-person&slot=(card|table|text)$/,
      )
      await expect(cta).toContainText('PR')
    }
    await expect(
      page.getByRole('link', { name: 'フリーランスポートの評判・口コミを見る' }),
    ).toHaveAttribute('href', '/agents/freelance-port')
    await expect(page.getByRole('table')).toContainText('2026年8月現在')
  })

  test('an article without agents or affiliate links has no PR line', async ({ page }) => {
    await page.goto('/articles/resume-writing-basics')
    await expect(page.getByRole('heading', { level: 1 })).toContainText('職務経歴書')
    await expect(page.getByTestId('pr-disclosure')).toHaveCount(0)
    await expect(page.locator('a[href^="/go/"]')).toHaveCount(0)
  })

  test('an agent page shows facts with dates and approved reviews only', async ({ page }) => {
    await page.goto('/agents/freelance-port')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'フリーランスポートの評判・口コミ',
    )
    await expect(page.getByText('246件')).toBeVisible()
    await expect(page.getByText('(2026年8月現在)').first()).toBeVisible()
    const reviews = page.getByTestId('review')
    await expect(reviews.first()).toBeVisible()
    expect(await reviews.count()).toBeGreaterThanOrEqual(5)
    await expect(page.getByText('PMO案件の紹介が早かった')).toBeVisible()
    await expect(page.getByText('30代男性').first()).toBeVisible()
    // pending and rejected reviews stay in the moderation queue
    await expect(page.getByText('担当者の業界知識がすごい')).toHaveCount(0)
    await expect(page.getByText('案件探しに使ってます')).toHaveCount(0)
    await expect(page.getByText(/口コミは当サイトが独自に募集し/)).toBeVisible()
    await expect(page.getByTestId('pr-disclosure')).toBeVisible()
  })

  test('every page with CTAs shows the licence line under its PR line, articles and agent pages alike', async ({
    page,
  }) => {
    for (const path of ['/articles/pmo-suited-person', '/agents/freelance-port']) {
      await page.goto(path)
      const licence = page.locator('main').getByTestId('licence-line')
      await expect(licence, path).toContainText('有料職業紹介事業')
      // directly under the PR line, before the page's heading
      const order = await page.evaluate(() => {
        const main = document.querySelector('main')!
        const pr = main.querySelector('[data-testid="pr-disclosure"]')!
        return pr.nextElementSibling?.getAttribute('data-testid')
      })
      expect(order, path).toBe('licence-line')
    }
  })

  test('unknown pages answer 404 with a Japanese page inside the site', async ({ page }) => {
    for (const path of ['/articles/no-such-article', '/agents/no-such-agent', '/no/such/page']) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(404)
      await expect(
        page.getByRole('heading', { name: 'ページが見つかりませんでした' }),
      ).toBeVisible()
      await expect(page.getByRole('link', { name: 'トップページへ戻る' })).toBeVisible()
    }
  })

  test('/go/ redirects only to the registered destination, never cached or indexed', async ({
    request,
  }) => {
    const ok = await request.get('/go/freelance-port-vc?from=test&url=https://evil.example/', {
      maxRedirects: 0,
    })
    expect(ok.status()).toBe(302)
    // the registered destination, with only the ASP's sub-ID parameter added (seeded rule)
    const location = new URL(ok.headers()['location']!)
    expect(location.searchParams.get('sub_id')).toMatch(/^[0-9a-f]{16}$/)
    location.searchParams.delete('sub_id')
    expect(location.toString()).toBe('https://freelance-port.example/lp/pmo')
    expect(ok.headers()['cache-control']).toBe('no-store')
    expect(ok.headers()['x-robots-tag']).toBe('noindex, nofollow')

    const paused = await request.get('/go/michibiki-old-afb', { maxRedirects: 0 })
    expect(paused.status()).toBe(404)
    expect(paused.headers()['x-robots-tag']).toBe('noindex, nofollow')
    const unknown = await request.get('/go/no-such-link', { maxRedirects: 0 })
    expect(unknown.status()).toBe(404)
  })

  test('a dead /go/ link shows the site 404 page, not a bare error', async ({ page }) => {
    const response = await page.goto('/go/no-such-link?from=test')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'ページが見つかりませんでした' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'トップページへ戻る' })).toBeVisible()
  })
})

test.describe('cached article pages', () => {
  // Once Next has an article in its route cache, readers get it from the page cache in front
  // of Next (lib/pageCache.ts, answers marked x-page-cache: HIT).
  const path = '/articles/job-change-timing'
  // uncompressed, so that Content-Length is the length of the page itself
  const plain = { 'Accept-Encoding': 'identity' }
  const untilPageCacheHit = (request: APIRequestContext) =>
    expect
      .poll(async () => (await request.get(path, { headers: plain })).headers()['x-page-cache'])
      .toBe('HIT')

  test('the cache sends Next’s page byte for byte, compressed as asked, and 304 when unchanged', async ({
    request,
  }) => {
    await request.get(path) // rendered into Next's route cache
    const fromNext = await request.get(path, { headers: plain })
    expect(fromNext.headers()['x-nextjs-cache']).toBe('HIT')
    const page = await fromNext.body()
    expect(page.toString('utf8')).toContain('転職活動を始めるベストなタイミング')
    await untilPageCacheHit(request)

    const cached = await request.get(path, { headers: plain })
    expect((await cached.body()).equals(page)).toBe(true)
    expect(Number(cached.headers()['content-length'])).toBe(page.length)
    const etag = cached.headers()['etag']
    expect(etag).toBe(fromNext.headers()['etag'])
    for (const encoding of ['br', 'gzip']) {
      const compressed = await request.get(path, { headers: { 'Accept-Encoding': encoding } })
      expect(compressed.headers()['x-page-cache']).toBe('HIT')
      expect(compressed.headers()['content-encoding']).toBe(encoding)
      expect(compressed.headers()['vary']).toContain('Accept-Encoding')
      // Playwright decodes the body: the reader gets the very same page
      expect((await compressed.body()).equals(page)).toBe(true)
    }
    expect((await request.get(path, { headers: { 'If-None-Match': etag } })).status()).toBe(304)
    // a staff member in draft mode always goes to Next
    const draft = await request.get(path, { headers: { Cookie: '__prerender_bypass=x' } })
    expect(draft.headers()['x-page-cache']).toBeUndefined()
  })

  test('a change to the article reaches the next reader, never the cached copy', async ({
    request,
  }) => {
    await untilPageCacheHit(request)
    const etag = (await request.get(path, { headers: plain })).headers()['etag']

    const auth = { Authorization: `JWT ${await apiToken(request, 'editor')}` }
    const found = await request.get('/api/articles?where[slug][equals]=job-change-timing&depth=0', {
      headers: auth,
    })
    const doc = ((await found.json()) as { docs: { id: string | number; lead: string }[] }).docs[0]
    const marker = `(${Date.now()}更新)`
    const saved = await request.patch(`/api/articles/${doc.id}`, {
      headers: auth,
      data: { lead: `${doc.lead}${marker}` },
    })
    expect(saved.ok(), await saved.text()).toBe(true)
    try {
      // the very next request, with the old ETag: the new page in full
      const changed = await request.get(path, { headers: { ...plain, 'If-None-Match': etag } })
      expect(changed.status()).toBe(200)
      expect(changed.headers()['x-page-cache']).toBeUndefined()
      expect(changed.headers()['etag']).not.toBe(etag)
      const body = await changed.body()
      expect(Number(changed.headers()['content-length'])).toBe(body.length)
      expect(body.toString('utf8')).toContain(marker)
      // and the cache fills again with the new page
      await untilPageCacheHit(request)
      expect(await (await request.get(path)).text()).toContain(marker)
    } finally {
      await request.patch(`/api/articles/${doc.id}`, { headers: auth, data: { lead: doc.lead } })
    }
  })
})

test.describe('every public page from the page cache', () => {
  // Each page kind is kept by the page cache once rendered (lib/pageCache.ts), under the cache
  // tags of what its render read, which it names in Cache-Tag; a change drops only the pages
  // that read what changed.
  const plain = { 'Accept-Encoding': 'identity' }
  // a tag ending in ':' names a family (the id differs per database); `without`: tags a page
  // must not carry (a category page is not expired by an article of another category)
  const kinds: { path: string; text: string; tags: string[]; without?: string[] }[] = [
    { path: '/', text: '新着記事', tags: ['article-lists', 'settings'] },
    {
      path: '/categories/job-change',
      text: '記事一覧',
      tags: ['article-list:category:', 'categories'],
      without: ['article-lists'],
    },
    { path: '/agents', text: 'エージェント比較', tags: ['agent-lists'] },
    { path: '/agents/michibiki', text: '評判・口コミ', tags: ['agent:michibiki'] },
    { path: '/agents/michibiki?sort=helpful', text: '評判・口コミ', tags: ['agent:michibiki'] },
    { path: '/agents/michibiki/review', text: '口コミ', tags: ['agent:michibiki'] },
    { path: '/search?q=年収', text: '「年収」の検索結果', tags: ['article-lists', 'agent-lists'] },
    { path: '/about', text: '運営者', tags: ['settings'] },
    { path: '/feed.xml', text: '<rss', tags: ['article-lists'] },
    { path: '/sitemap.xml', text: '<sitemapindex', tags: ['article-lists'] },
    { path: '/sitemaps/pages.xml', text: '<urlset', tags: ['agent-lists', 'categories'] },
    { path: '/sitemaps/articles-0.xml', text: '<urlset', tags: ['article-lists'] },
  ]
  const fromCache = (request: APIRequestContext, path: string) =>
    expect
      .poll(async () => (await request.get(path, { headers: plain })).headers()['x-page-cache'])
      .toBe('HIT')

  test('each page kind is answered from the cache, naming the tags of what it shows', async ({
    request,
  }) => {
    for (const { path, text, tags, without = [] } of kinds) {
      await fromCache(request, path)
      const cached = await request.get(path, { headers: plain })
      expect(cached.status(), path).toBe(200)
      expect(await cached.text(), path).toContain(text)
      const named = cached.headers()['cache-tag']?.split(',') ?? []
      for (const tag of tags)
        expect(
          named.some((t) => (tag.endsWith(':') ? t.startsWith(tag) : t === tag)),
          `${path} names ${tag} (${named.join(', ')})`,
        ).toBe(true)
      for (const tag of without) expect(named, path).not.toContain(tag)
      expect(named, path).toContain(`path:${path.split('?')[0]}`)
    }
  })

  test('the order of parameters and campaign tags make no other entry; a reader’s tags stay out of the page', async ({
    request,
  }) => {
    await fromCache(request, '/agents/michibiki?age=30s&sort=helpful')
    const shared = await request.get(
      '/agents/michibiki?utm_source=mail&sort=helpful&gclid=reader-123&age=30s&page=1',
      { headers: plain },
    )
    expect(shared.headers()['x-page-cache']).toBe('HIT')
    expect(await shared.text()).not.toContain('reader-123')
    // a search typed with full-width letters and extra spaces is the same search
    await fromCache(request, '/search?q=PMO')
    const wide = await request.get('/search?q=%EF%BC%B0%EF%BC%AD%EF%BC%AF%E3%80%80', {
      headers: plain,
    })
    expect(wide.headers()['x-page-cache']).toBe('HIT')
  })

  test('an edit to one agent reaches its pages at once and leaves every other page cached', async ({
    request,
  }) => {
    const others = ['/agents/michibiki', '/categories/job-change', '/about', '/feed.xml']
    const edited = ['/agents/career-sprout', '/agents/career-sprout/review', '/agents']
    for (const path of [...others, ...edited]) await fromCache(request, path)

    const auth = { Authorization: `JWT ${await apiToken(request, 'editor')}` }
    const found = await request.get('/api/agents?where[slug][equals]=career-sprout&depth=0', {
      headers: auth,
    })
    const agent = ((await found.json()) as { docs: { id: string | number; catchCopy: string }[] })
      .docs[0]
    const marker = `(${Date.now()}改訂)`
    const saved = await request.patch(`/api/agents/${agent.id}`, {
      headers: auth,
      data: { catchCopy: `${agent.catchCopy}${marker}` },
    })
    expect(saved.ok(), await saved.text()).toBe(true)
    try {
      for (const path of edited) {
        const next = await request.get(path, { headers: plain })
        expect(next.headers()['x-page-cache'], path).toBeUndefined()
        if (path === '/agents/career-sprout') expect(await next.text(), path).toContain(marker)
      }
      for (const path of others) {
        expect((await request.get(path, { headers: plain })).headers()['x-page-cache'], path).toBe(
          'HIT',
        )
      }
    } finally {
      await request.patch(`/api/agents/${agent.id}`, {
        headers: auth,
        data: { catchCopy: agent.catchCopy },
      })
    }
  })

  test('Next’s internals the page cache relies on are still there', async ({ request }) => {
    // a page from Next's route cache says so in x-nextjs-cache
    const path = '/articles/interview-questions'
    await request.get(`${path}?_warm=1`)
    const again = await request.get(`${path}?_again=1`, { headers: plain })
    expect(again.headers()['x-nextjs-cache']).toBe('HIT')
    // client navigation asks with the rsc header and a `_rsc` parameter, and gets the RSC
    // payload, not the page; with the header alone Next sends it to the `_rsc` address
    await fromCache(request, '/agents')
    const rsc = await request.get('/agents?_rsc', { headers: { rsc: '1' } })
    expect(rsc.headers()['content-type']).toContain('text/x-component')
    expect(rsc.headers()['x-page-cache']).toBeUndefined()
    const headerOnly = await request.get('/agents', { headers: { rsc: '1' }, maxRedirects: 0 })
    expect(headerOnly.headers()['x-page-cache']).toBeUndefined()
    expect(headerOnly.headers()['content-type'] ?? '').not.toContain('text/html')
    // draft mode is the __prerender_bypass cookie (cleared here by leaving the preview)
    const exit = await request.get('/exit-preview?slug=interview-questions', { maxRedirects: 0 })
    const cookies = exit.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie')
    expect(cookies.map((c) => c.value).join('\n')).toMatch(/(^|\n)__prerender_bypass=/)
  })
})

test.describe('compression', () => {
  // Every HTML, JSON and XML answer is encoded as the browser asks (lib/compressResponses),
  // whether or not the page cache answered it: a rendered page, a page straight from Next
  // (draft-mode cookie, so never from the page cache), an API answer, the feed and sitemap.
  const answers: { path: string; cookie?: string; type: RegExp; text: string }[] = [
    { path: '/', type: /text\/html/, text: 'キャリアしるべ' },
    { path: '/agents', type: /text\/html/, text: 'エージェント' },
    { path: '/search?q=%E8%BB%A2%E8%81%B7', type: /text\/html/, text: '転職' },
    {
      path: '/articles/job-change-timing',
      cookie: '__prerender_bypass=x',
      type: /text\/html/,
      text: '転職活動を始めるベストなタイミング',
    },
    { path: '/no-such-page', type: /text\/html/, text: 'ページが見つかりませんでした' },
    { path: '/api/articles?limit=5&depth=0', type: /application\/json/, text: '"docs"' },
    { path: '/feed.xml', type: /xml/, text: '<rss' },
    { path: '/sitemaps/pages.xml', type: /xml/, text: '<urlset' },
  ]

  for (const { path, cookie, type, text } of answers) {
    test(`${path}${cookie ? ' (straight from Next)' : ''} is brotli or gzip as asked`, async ({
      request,
    }) => {
      const asked = (encoding: string) =>
        request.get(path, {
          headers: { 'Accept-Encoding': encoding, ...(cookie ? { Cookie: cookie } : {}) },
        })
      const plain = await asked('identity')
      expect(plain.headers()['content-type']).toMatch(type)
      expect(plain.headers()['content-encoding']).toBeUndefined()
      const body = await plain.text()
      expect(body).toContain(text)
      expect(body.length).toBeGreaterThan(1024)
      for (const [accept, expected] of [
        ['br', 'br'],
        ['gzip', 'gzip'],
        ['gzip, deflate, br, zstd', 'br'], // what Chromium sends
      ] as const) {
        const compressed = await asked(accept)
        expect(compressed.headers()['content-encoding'], `${path} ${accept}`).toBe(expected)
        expect(compressed.headers()['vary']).toMatch(/accept-encoding/i)
        // Playwright decodes the body: the reader gets the same answer
        expect(await compressed.text()).toContain(text)
      }
    })
  }
})

test.describe('agents in articles', () => {
  const guide = '/articles/pmo-suited-person'

  test('on a phone the comparison is one card per agent, with no sideways scrolling', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto(guide)
    const table = page.getByTestId('agent-comparison')
    await table.scrollIntoViewIfNeeded()
    const region = table.getByRole('region')
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }))
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
    const rows = table.getByTestId('comparison-row')
    expect(await rows.count()).toBeGreaterThanOrEqual(3)
    for (const row of await rows.all()) {
      const card = (await row.boundingBox())!
      expect(card.x).toBeGreaterThanOrEqual(0)
      expect(card.x + card.width).toBeLessThanOrEqual(375)
      // the CTA with its PR marker is on one line and inside the card
      const cta = row.getByRole('link', { name: /公式サイト/ })
      const button = (await cta.boundingBox())!
      expect(button.x + button.width).toBeLessThanOrEqual(card.x + card.width)
      expect(button.height).toBeLessThan(60)
      await expect(cta).toContainText('PR')
      // each value is labelled with its column's name (shown in front of it on the card)
      const facts = row.locator('[data-label="案件数・求人数"]')
      await expect(facts).toBeVisible()
      expect(await facts.evaluate((el) => getComputedStyle(el, '::before').content)).toContain(
        '案件数・求人数',
      )
    }
    await page.screenshot({ path: test.info().outputPath('comparison-375.png'), fullPage: false })

    // on a wide screen it stays a table with its column headings
    await page.setViewportSize({ width: 1280, height: 800 })
    await expect(table.getByRole('columnheader', { name: '公式サイト' })).toBeVisible()
  })

  test('a fact past the age limit carries the out-of-date note on the agent page and in tables', async ({
    page,
  }) => {
    await page.goto('/agents/it-works-gate')
    const facts = page.getByRole('region', { name: '基本情報' })
    await expect(facts.getByTestId('fact-outdated').first()).toHaveText(
      '情報が古い可能性があります',
    )
    await page.goto('/agents/freelance-port')
    await expect(page.getByTestId('fact-outdated')).toHaveCount(0)
    await page.goto(guide)
    const row = page.getByTestId('comparison-row').filter({ hasText: 'ITワークスゲート' })
    await expect(row.getByTestId('fact-outdated')).toBeVisible()
  })

  test('a review is quoted once per page, always with its rating, title and source', async ({
    page,
  }) => {
    await page.goto(guide)
    const quotes = page.getByTestId('quoted-review')
    expect(await quotes.count()).toBeGreaterThanOrEqual(3)
    const bodies = await quotes.locator('blockquote').allTextContents()
    const starts = bodies.map((text) => text.replace(/…$/, '').slice(0, 40))
    expect(new Set(starts).size).toBe(starts.length)
    for (const quote of await quotes.all()) {
      await expect(quote.getByRole('img', { name: /5点中/ })).toBeVisible()
      await expect(quote.locator('.font-bold').last()).not.toBeEmpty()
    }
    // the source line beside every quoted review: in each card and beside each quote block
    const sources = page.getByTestId('review-source')
    expect(await sources.count()).toBeGreaterThanOrEqual(2)
    await expect(sources.first()).toContainText('収集')
  })
})

test('a connection left idle for 6 s is still served when a browser or proxy reuses it', async ({
  baseURL,
}) => {
  // Node closes idle connections after 5 s by default; a client that reuses one just as it
  // closes gets a reset (nginx and load balancers answer 502). The server keeps them 65 s.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const get = () =>
    new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
      const req = http.get(new URL('/about', baseURL), { agent }, (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }))
      })
      req.on('error', reject)
    })
  try {
    expect(await get()).toEqual({ status: 200, reused: false })
    await new Promise((r) => setTimeout(r, 6_000))
    expect(await get()).toEqual({ status: 200, reused: true })
  } finally {
    agent.destroy()
  }
})
