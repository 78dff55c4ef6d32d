import { expect, test, type APIRequestContext } from '@playwright/test'

import { apiToken } from '../helpers/login'

// Each published review has an address of its own: linked from the list, with its anchor, a
// canonical URL, its own structured data and a link to copy; the reader's vote posts back to
// the review, not to the top of the page. A review that is not published has no page.

test.use({ viewport: { width: 375, height: 812 } })

const AGENT = 'michibiki'

async function reviewIds(request: APIRequestContext, where: string) {
  const token = await apiToken(request, 'editor')
  const res = await request.get(`/api/reviews?${where}&limit=1&depth=0`, {
    headers: { Authorization: `JWT ${token}` },
  })
  expect(res.ok()).toBe(true)
  return ((await res.json()) as { docs: { id: string | number }[] }).docs.map((d) => d.id)
}

test('a review is linked from the list to a page of its own, canonical, with its data', async ({
  page,
}) => {
  await page.goto(`/agents/${AGENT}`)
  const first = page.getByTestId('review').first()
  const anchor = await first.getAttribute('id')
  expect(anchor).toMatch(/^review-[A-Za-z0-9]+$/)
  const title = (await first.getByRole('heading', { level: 3 }).textContent())!.trim()
  // the forms of a review post back to it on the list (HTML allows no empty action)
  for (const form of await first.locator('form').all()) {
    await expect(form).toHaveAttribute('action', `/agents/${AGENT}#${anchor}`)
  }
  await first.getByRole('link', { name: 'この口コミのページ' }).click()

  const id = anchor!.slice('review-'.length)
  const path = `/agents/${AGENT}/reviews/${id}`
  await expect(page).toHaveURL(path)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/の口コミ$/)
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()
  await expect(page).toHaveTitle(new RegExp(`^「${title}」`))
  const origin = new URL(page.url()).origin
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${origin}${path}`)
  await expect(page.getByLabel('この口コミのURL')).toHaveValue(`${origin}${path}`)

  const data = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent ?? '{}')))
  const review = data.find((d) => d['@type'] === 'Review')
  expect(review).toMatchObject({
    name: title,
    url: `${origin}${path}`,
    itemReviewed: { '@type': 'Organization', '@id': `${origin}/agents/${AGENT}#organization` },
  })
  // the breadcrumb leads back to the agent
  await page.getByRole('link', { name: /の口コミをすべて見る$/ }).click()
  await expect(page).toHaveURL(new RegExp(`/agents/${AGENT}#reviews$`))
})

test.describe('without JavaScript', () => {
  test.use({
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'X-Forwarded-For': `198.51.100.${Math.floor(Math.random() * 200) + 1}` },
  })

  test('a vote on the review’s own page comes back to the review with the answer', async ({
    page,
  }) => {
    await page.goto(`/agents/${AGENT}`)
    await page.getByRole('link', { name: 'この口コミのページ' }).first().click()
    const here = new URL(page.url()).pathname
    expect(here).toMatch(new RegExp(`^/agents/${AGENT}/reviews/[A-Za-z0-9]+$`))
    const review = page.getByTestId('review')
    await review.getByRole('button', { name: /参考になった/ }).click()
    await expect(page).toHaveURL(new RegExp(`${here}#review-[A-Za-z0-9]+$`))
    await expect(review.getByText(/投票しました|すでに投票しています/)).toBeVisible()
  })
})

test('a review that is not published, or is another agent’s, has no page', async ({ request }) => {
  const [hidden] = await reviewIds(request, 'where[status][not_equals]=approved')
  expect(hidden).toBeDefined()
  const missing = await request.get(`/agents/${AGENT}/reviews/${hidden}`)
  expect(missing.status()).toBe(404)
  expect(await missing.text()).toContain('ページが見つかりませんでした')

  const agents = await request.get(`/api/agents?where[slug][equals]=${AGENT}&limit=1&depth=0`)
  const [agent] = ((await agents.json()) as { docs: { id: string | number }[] }).docs
  const [approved] = await reviewIds(
    request,
    `where[status][equals]=approved&where[agent][not_equals]=${agent!.id}`,
  )
  expect(approved).toBeDefined()
  expect((await request.get(`/agents/${AGENT}/reviews/${approved}`)).status()).toBe(404)
  for (const bad of ['abc-def', '0', '99999999999999999999']) {
    expect((await request.get(`/agents/${AGENT}/reviews/${bad}`)).status(), bad).toBe(404)
  }
})
