import { randomBytes } from 'node:crypto'

import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { apiToken } from '../helpers/login'

// 「投稿した口コミ」 on a 375 px phone: the browser that posted a review follows its state and
// withdraws it, with JavaScript off (plain form posts, <details>) and on.

const tag = () => randomBytes(4).toString('hex')
const address = () =>
  `198.18.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`
const bodyText = (seed: string) =>
  `初回の面談で今の仕事の悩みから丁寧に聞いてもらい、希望年収や勤務地の優先順位を一緒に整理できました。紹介された求人は条件に近く、面接の前には想定問答の練習もしてもらえたので落ち着いて臨めました。(${seed})`

async function postReview(page: Page, agent: string, title: string) {
  await page.goto(`/agents/${agent}/review`)
  const form = page.getByRole('form', { name: /口コミ投稿フォーム$/ })
  await form.getByRole('radio', { name: /^4/ }).check()
  await form.getByLabel('タイトル').fill(title)
  await form.getByLabel('口コミ本文').fill(bodyText(tag()))
  await form.getByLabel('年', { exact: true }).selectOption('2025')
  await form.getByLabel('月', { exact: true }).selectOption('9')
  await form.getByRole('radio', { name: '面談まで' }).check()
  await form.getByRole('radio', { name: 'いいえ' }).check()
  await form.getByRole('checkbox', { name: /口コミ投稿ガイドラインに同意する/ }).check()
  await form.getByRole('button', { name: '口コミを投稿する' }).click()
  await expect(page.getByRole('status')).toContainText('審査後に掲載されます')
}

async function storedReview(request: APIRequestContext, title: string) {
  const token = await apiToken(request, 'editor')
  const res = await request.get(
    `/api/reviews?where[title][equals]=${encodeURIComponent(title)}&depth=0`,
    { headers: { Authorization: `JWT ${token}` } },
  )
  return ((await res.json()) as { docs: { id: string | number; status: string }[] }).docs[0]!
}

async function decisionsOf(request: APIRequestContext, id: string | number) {
  const token = await apiToken(request, 'editor')
  const res = await request.get(
    `/api/review-decisions?where[review][equals]=${id}&sort=-createdAt`,
    {
      headers: { Authorization: `JWT ${token}` },
    },
  )
  return ((await res.json()) as { docs: { decision: string; by: unknown }[] }).docs
}

const ownItem = (page: Page, title: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) })

async function fitsThePhone(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(375)
}

test.describe('without JavaScript', () => {
  test.use({
    javaScriptEnabled: false,
    viewport: { width: 375, height: 800 },
    extraHTTPHeaders: { 'X-Forwarded-For': address() },
  })

  test('the reader sees the review 審査中, then 掲載中, withdraws it, and it leaves the site', async ({
    page,
    request,
    browser,
  }) => {
    const agent = 'consul-links'
    const title = `面接練習が心強かった${tag()}`
    await postReview(page, agent, title)
    await page.getByRole('link', { name: '投稿した口コミを見る' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('投稿した口コミ')
    await expect(ownItem(page, title)).toContainText('審査中')

    const review = await storedReview(request, title)
    const token = await apiToken(request, 'editor')
    const approved = await request.patch(`/api/reviews/${review.id}`, {
      headers: { Authorization: `JWT ${token}` },
      data: { status: 'approved' },
    })
    expect(approved.status()).toBe(200)
    await page.reload()
    const item = ownItem(page, title)
    await expect(item).toContainText('掲載中')
    await expect(item.getByRole('link', { name: '掲載された口コミを見る' })).toHaveAttribute(
      'href',
      `/agents/${agent}/reviews/${review.id}`,
    )
    await fitsThePhone(page)
    await page.screenshot({ path: 'test-results/own-reviews-375.png', fullPage: true })
    await expect((await request.get(`/agents/${agent}`)).text()).resolves.toContain(title)

    await item.locator('summary', { hasText: 'この口コミを取り下げる' }).click()
    await expect(item.getByText('元に戻せません')).toBeVisible()
    await item.getByRole('button', { name: '取り下げる' }).click()
    await expect(page.getByRole('status')).toHaveText(/口コミを取り下げました/)
    await expect(ownItem(page, title)).toContainText('取り下げ済み')
    await expect(ownItem(page, title).getByText('この口コミを取り下げる')).toHaveCount(0)

    // off the agent page and its own page; recorded as a decision without a staff member
    await expect((await request.get(`/agents/${agent}`)).text()).resolves.not.toContain(title)
    expect((await request.get(`/agents/${agent}/reviews/${review.id}`)).status()).toBe(404)
    expect((await storedReview(request, title)).status).toBe('withdrawn')
    expect((await decisionsOf(request, review.id))[0]).toMatchObject({
      decision: 'withdrawn',
      by: null,
    })

    // another browser sees nothing of it, and is told how the page works
    const stranger = await browser.newPage({ javaScriptEnabled: false })
    await stranger.goto(page.url().replace(/\/my-reviews.*$/, '/my-reviews'))
    await expect(stranger.getByRole('heading', { level: 2 })).toHaveText(
      'このブラウザから投稿した口コミはありません',
    )
    await expect(stranger.getByText(title)).toHaveCount(0)
    await expect(stranger.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
    await stranger.close()
  })
})

test.describe('with JavaScript', () => {
  test.use({
    viewport: { width: 375, height: 800 },
    extraHTTPHeaders: { 'X-Forwarded-For': address() },
  })

  test('a review still waiting is withdrawn in place and never reaches the queue’s approval', async ({
    page,
    request,
  }) => {
    const title = `求人の数が多かった${tag()}`
    await postReview(page, 'career-sprout', title)
    await page.goto('/')
    await page.getByRole('contentinfo').getByRole('link', { name: '投稿した口コミ' }).click()
    await expect(page).toHaveURL(/\/my-reviews$/)
    const item = ownItem(page, title)
    await expect(item).toContainText('審査中')
    await item.locator('summary', { hasText: 'この口コミを取り下げる' }).click()
    await item.getByRole('button', { name: '取り下げる' }).click()
    await expect(page.getByRole('status')).toHaveText(/口コミを取り下げました/)
    await expect(ownItem(page, title)).toContainText('取り下げ済み')
    await fitsThePhone(page)
    await page.screenshot({ path: 'test-results/own-reviews-withdrawn-375.png', fullPage: true })

    // an editor can no longer publish it
    const review = await storedReview(request, title)
    const token = await apiToken(request, 'editor')
    const approve = await request.patch(`/api/reviews/${review.id}`, {
      headers: { Authorization: `JWT ${token}` },
      data: { status: 'approved' },
    })
    expect(approve.status()).toBe(400)
    expect(JSON.stringify(await approve.json())).toContain('投稿者が取り下げた口コミ')
    expect((await storedReview(request, title)).status).toBe('withdrawn')

    // the same page on a wide screen keeps to its column
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.reload()
    await expect(ownItem(page, title)).toContainText('取り下げ済み')
    await page.screenshot({ path: 'test-results/own-reviews-1280.png', fullPage: true })
  })
})
