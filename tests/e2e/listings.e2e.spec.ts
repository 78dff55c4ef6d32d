import { expect, test } from '@playwright/test'

test.describe('search', () => {
  test('finds articles by a two-character Japanese word and marks it', async ({ page }) => {
    await page.goto('/search')
    await page.getByLabel('検索キーワード').fill('年収')
    await page.getByRole('button', { name: '検索' }).click()
    await expect(page).toHaveURL(/\/search\?q=%E5%B9%B4%E5%8F%8E/)
    const results = page.getByTestId('search-result')
    await expect(results.first()).toBeVisible()
    expect(await results.count()).toBeGreaterThanOrEqual(2)
    await expect(
      page.getByRole('link', { name: /ITコンサルタントのキャリアパスと年収の考え方/ }),
    ).toBeVisible()
    await expect(results.first().locator('mark').first()).toHaveText('年収')
    // the word in an FAQ answer counts; an article without it is not listed
    await expect(page.getByRole('link', { name: /面接でよく聞かれる質問/ })).toBeVisible()
    await expect(page.getByRole('link', { name: /職務経歴書の書き方の基本/ })).toHaveCount(0)
    await expect(results).toHaveCount(3)
  })

  test('finds the same articles whatever the width of the letters typed', async ({ page }) => {
    const titles = async (query: string) => {
      await page.goto('/search?q=' + encodeURIComponent(query))
      return page.getByTestId('search-result').getByRole('link').allTextContents()
    }
    const halfWidth = await titles('pmo')
    expect(halfWidth.some((title) => title.includes('PMOに向いている人'))).toBe(true)
    expect(await titles('ＰＭＯ')).toEqual(halfWidth)
    // the search box shows the folded words, and the matches are marked
    await expect(page.getByLabel('検索キーワード')).toHaveValue('PMO')
    await expect(page.getByTestId('search-result').first().locator('mark').first()).toHaveText(
      /PMO/i,
    )
  })

  test('finds katakana typed in hiragana, and marks the word as the article writes it', async ({
    page,
  }) => {
    const titles = async (query: string) => {
      await page.goto('/search?q=' + encodeURIComponent(query))
      return page.getByTestId('search-result').getByRole('link').allTextContents()
    }
    const katakana = await titles('エージェント')
    expect(katakana.length).toBeGreaterThan(0)
    expect(await titles('えーじぇんと')).toEqual(katakana)
    await expect(page.getByTestId('search-result').locator('mark').first()).toHaveText(
      'エージェント',
    )
    // the agents whose names have the word are listed too
    await expect(page.getByRole('heading', { name: 'エージェント', exact: true })).toBeVisible()
  })

  test('guides the reader on an empty query and on no results', async ({ page }) => {
    await page.goto('/search?q=')
    await expect(page.getByText('キーワードを入力してください')).toBeVisible()
    await page.goto('/search?q=' + encodeURIComponent('存在しない言葉ゾゾゾ'))
    await expect(page.getByText('に一致する記事は見つかりませんでした')).toBeVisible()
  })

  test('treats hostile input as text', async ({ page }) => {
    const response = await page.goto('/search?q=' + encodeURIComponent('<script>alert(1)</script>'))
    expect(response?.status()).toBe(200)
    await expect(page.getByText('「<script>alert(1)</script>」の検索結果')).toBeVisible()
    expect(await page.locator('main script').count()).toBe(0)
  })
})

test.describe('listings and bad parameters', () => {
  test('a category page lists only its articles and links back from articles', async ({ page }) => {
    await page.goto('/articles/resume-writing-basics')
    await page
      .getByRole('navigation', { name: 'パンくずリスト' })
      .getByRole('link', { name: '転職ノウハウ' })
      .click()
    await expect(page).toHaveURL(/\/categories\/job-change$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('転職ノウハウ')
    await expect(page.getByRole('link', { name: /職務経歴書の書き方の基本/ })).toBeVisible()
    await expect(page.getByRole('link', { name: /フリーランス1年目/ })).toHaveCount(0)
  })

  test('bad query parameters give a normal page or a 404, never a 500', async ({ request }) => {
    // 10,000 characters; Japanese would be 90 KB of URL, past what any server accepts in a
    // request line (Node answers 431 before the app sees it)
    const long = 'a'.repeat(10_000)
    const cases: [string, number[]][] = [
      ['/?page=-1', [404]],
      ['/?page=abc', [404]],
      ['/?page=999', [404]],
      ['/categories/job-change?page=abc', [404]],
      ['/agents/freelance-port?age=10s&gender=x&rating=9&sort=random', [200]],
      ['/agents/freelance-port?page=-1', [404]],
      [`/search?q=${encodeURIComponent(long)}`, [200]],
      ['/search?q=%E5%B9%B4&page=abc', [404]],
      ['/articles/%00', [404]],
    ]
    for (const [path, statuses] of cases) {
      const response = await request.get(path)
      expect(statuses, `${path} answered ${response.status()}`).toContain(response.status())
    }
  })
})

test.describe('agent reviews', () => {
  test('filters and sorting change the list and live in the URL', async ({ page }) => {
    await page.goto('/agents/michibiki')
    const count = page.getByTestId('review-count')
    await expect(count).toContainText('口コミ:11件')

    await page.locator('select[name="rating"]').selectOption('5')
    await page.getByRole('button', { name: 'この条件で表示' }).click()
    await expect(page).toHaveURL(/rating=5/)
    await expect(count).toContainText('条件に合う口コミ:3件')
    for (const review of await page.getByTestId('review').all()) {
      await expect(review).toContainText('5.0')
    }

    // the filtered view can be shared: open the same URL fresh
    const shared = page.url()
    await page.goto(shared)
    await expect(count).toContainText('条件に合う口コミ:3件')

    await page.goto('/agents/michibiki?sort=lowest')
    await expect(page.getByTestId('review').first()).toContainText('2.0')
  })

  test('reviews are paginated with rel=next and rel=prev', async ({ page }) => {
    await page.goto('/agents/michibiki')
    await expect(page.getByTestId('review')).toHaveCount(10)
    const next = page.locator('a[rel="next"]')
    await expect(next).toHaveAttribute('href', /page=2/)
    await next.click()
    await expect(page).toHaveURL(/page=2/)
    await expect(page.getByTestId('review')).toHaveCount(1)
    await expect(page.locator('a[rel="prev"]')).toBeVisible()
  })

  test('the agent page links to the articles that feature it', async ({ page }) => {
    await page.goto('/agents/consul-links')
    const section = page.getByRole('region', { name: 'コンサルリンクスを紹介している記事' })
    await expect(section.getByRole('link', { name: /PMOに向いている人/ })).toBeVisible()
    await expect(
      section.getByRole('link', { name: /ITコンサルタントのキャリアパス/ }),
    ).toBeVisible()
  })
})

test.describe('site chrome', () => {
  test('the footer leads to the policy pages, each with real text', async ({ page }) => {
    const pages: [string, string, RegExp][] = [
      [
        '広告掲載ポリシー',
        '/ad-policy',
        /報酬の有無や金額が、評価・順位・掲載内容に影響することはありません/,
      ],
      [
        '口コミ投稿ガイドライン',
        '/review-guidelines',
        /評価の高低を理由に掲載を見送ることはありません/,
      ],
      ['プライバシーポリシー', '/privacy', /利用目的/],
      ['運営者情報', '/about', /有料職業紹介事業の許可/],
    ]
    for (const [name, path, text] of pages) {
      await page.goto('/')
      await page.locator('footer').getByRole('link', { name }).click()
      await expect(page).toHaveURL(new RegExp(`${path}$`))
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
      await expect(page.locator('main')).toContainText(text)
    }
  })
})
