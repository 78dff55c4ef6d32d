import { randomBytes } from 'node:crypto'

import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { apiToken, createTestAgent } from '../helpers/login'

// Words searched within one agent's reviews, as a reader on a phone looks for what others said
// about 年収 or 面談: the keyword box of the review filters, results at the list with the words
// marked, combined with the other filters, and what the search left out said beside the count.

const letters = () =>
  [...randomBytes(8)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('')

const FILLER = '全体としては満足しています。これから利用する人の参考になればうれしいです。'

let slug = ''
let otherSlug = ''

async function agentWith(request: APIRequestContext, reviews: [string, string, number][]) {
  const doc = await createTestAgent(request, '口コミ検索テスト', 'review-search')
  const editor = await apiToken(request, 'editor')
  for (const [title, body, rating] of reviews) {
    const res = await request.post('/api/reviews', {
      headers: { Authorization: `JWT ${editor}` },
      data: {
        agent: doc.id,
        rating,
        title,
        body: `${body}${FILLER}(${letters()})`,
        usage: 'interviewed',
        status: 'approved',
      },
    })
    expect(res.status(), await res.text()).toBe(201)
  }
  return doc.slug
}

test.beforeAll(async ({ request }) => {
  slug = await agentWith(request, [
    [
      '面談が丁寧でした',
      '担当者が年収の交渉を最後まで粘ってくれて、提示された額が上がりました。',
      5,
    ],
    ['求人の数は多いです', 'IT系の求人を年収の高い順に紹介されましたが、連絡は少し遅めでした。', 3],
    ['書類の添削が具体的', '職務経歴書を三回見直してもらい、書類選考の通過が増えました。', 4],
  ])
  // another agent's review with the same words never shows on the first one's page
  otherSlug = await agentWith(request, [
    ['ほかの会社の話', '年収の交渉はこちらでもしてもらえました。', 5],
  ])
})

const form = (page: Page) => page.getByRole('form', { name: '口コミの絞り込み' })
const titles = (page: Page) => page.getByTestId('review').getByRole('heading').allTextContents()

async function fitsThePhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(375)
}

test.describe('on a phone without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } })

  test('finds the reviews with every word, marks them, and lands on the results', async ({
    page,
  }) => {
    await page.goto(`/agents/${slug}`)
    await form(page).getByLabel('キーワード').fill('　年収　交渉 ')
    await form(page).getByRole('button', { name: 'この条件で表示' }).click()
    // the empty choices and the spaces are tidied away; the browser keeps #reviews
    await expect(page).toHaveURL(
      new RegExp(
        `/agents/${slug}\\?q=${encodeURIComponent('年収')}\\+${encodeURIComponent('交渉')}#reviews$`,
      ),
    )
    await expect(page.locator('#reviews-title')).toBeInViewport()
    expect(await titles(page)).toEqual(['面談が丁寧でした'])
    await expect(page.getByTestId('review-count')).toHaveText('条件に合う口コミ:1件')
    await expect(page.getByTestId('review-search-notes')).toHaveText(
      'キーワード「年収」「交渉」を含む口コミを新しい順に探しました。',
    )
    const marked = page.getByTestId('review').locator('mark')
    await expect(marked).toHaveText(['年収', '交渉'])
    // the box keeps the words for the next search
    await expect(form(page).getByLabel('キーワード')).toHaveValue('年収 交渉')
    // a search result page is not for search engines, and names the agent's page as canonical
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href')
    expect(new URL(canonical!).pathname).toBe(`/agents/${slug}`)
    expect(new URL(canonical!).search).toBe('')
    await fitsThePhone(page)
    await page.screenshot({ path: 'test-results/review-search-375.png', fullPage: false })
  })

  test('combines the words with the other filters and sorts', async ({ page }) => {
    await page.goto(`/agents/${slug}?q=${encodeURIComponent('年収')}#reviews`)
    expect(await titles(page)).toEqual(['求人の数は多いです', '面談が丁寧でした'])
    await form(page).getByRole('combobox', { name: /^評価/ }).selectOption('5')
    await form(page).getByRole('button', { name: 'この条件で表示' }).click()
    await expect(page).toHaveURL(/\?q=.+&rating=5#reviews$/)
    expect(await titles(page)).toEqual(['面談が丁寧でした'])
    await page.goto(`/agents/${slug}?q=${encodeURIComponent('年収')}&sort=highest`)
    expect(await titles(page)).toEqual(['面談が丁寧でした', '求人の数は多いです'])
    // words no review of this agent has: the empty state, not another agent's review
    await page.goto(`/agents/${slug}?q=${encodeURIComponent('ほかの会社')}`)
    await expect(page.getByTestId('review')).toHaveCount(0)
    await expect(
      page.getByText('条件に合う口コミはありません。条件を変えてお試しください。'),
    ).toBeVisible()
    await page.goto(`/agents/${otherSlug}?q=${encodeURIComponent('年収')}`)
    expect(await titles(page)).toEqual(['ほかの会社の話'])
  })
})

test.describe('on a phone with JavaScript', () => {
  test.use({ viewport: { width: 375, height: 812 } })

  test('says which words were left out, and 条件をクリア shows every review again', async ({
    page,
  }) => {
    await page.goto(`/agents/${slug}`)
    await form(page).getByLabel('キーワード').fill('年 添削')
    await form(page).getByLabel('キーワード').press('Enter')
    await expect(page).toHaveURL(/#reviews$/)
    expect(await titles(page)).toEqual(['書類の添削が具体的'])
    const notes = page.getByTestId('review-search-notes')
    await expect(notes).toContainText('キーワード「添削」を含む口コミを新しい順に探しました。')
    await expect(notes).toContainText('「年」は1文字のため、検索から除きました。')
    await page.getByRole('link', { name: '条件をクリア' }).click()
    await expect(page).toHaveURL(new RegExp(`/agents/${slug}#reviews$`))
    await expect(page.getByTestId('review')).toHaveCount(3)
    await expect(form(page).getByLabel('キーワード')).toHaveValue('')
  })

  test('reads as well at 1280 px', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`/agents/${slug}?q=${encodeURIComponent('年収')}#reviews`)
    expect(await titles(page)).toHaveLength(2)
    await page.screenshot({ path: 'test-results/review-search-1280.png', fullPage: false })
  })
})
