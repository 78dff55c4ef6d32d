import { expect, test, type Page } from '@playwright/test'

import { apiToken } from '../helpers/login'

// Readers of career advice look for who stands behind it: every byline with a profile links to
// the person's page (name, qualification, profile, the articles they wrote and supervised),
// which search engines read as a ProfilePage and which the article's data names as author.url.

test.use({ viewport: { width: 375, height: 812 } })

const jsonLd = async (page: Page) =>
  (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
    (text) => JSON.parse(text) as Record<string, unknown>,
  )

test('a byline leads to the author’s page, with their articles and their data', async ({
  page,
}) => {
  await page.goto('/articles/pmo-suited-person')
  const origin = new URL(page.url()).origin
  const bylines = page.getByRole('region', { name: '著者・監修者' })
  const article = (await jsonLd(page)).find((d) => d['@type'] === 'Article')!
  const author = (article.author as { name: string; url?: string }[])[0]!
  const supervisor = (article.contributor as { name: string; url?: string }[])[0]!
  expect(author.url).toMatch(new RegExp(`^${origin}/authors/[a-z0-9-]+$`))
  expect(supervisor.url).toMatch(new RegExp(`^${origin}/authors/[a-z0-9-]+$`))

  await bylines.getByRole('link', { name: author.name }).click()
  await expect(page).toHaveURL(author.url!)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(author.name)
  await expect(page).toHaveTitle(new RegExp(`^${author.name}の執筆記事 \\| `))
  const written = page.getByRole('link', { name: /^執筆した記事\((\d+)件\)$/ })
  await expect(written).toHaveAttribute('aria-current', 'page')
  const count = Number((await written.textContent())!.match(/(\d+)件/)![1])
  expect(count).toBeGreaterThan(0)
  // the first page shows up to ten of them, the article we came from among them
  const cards = page.locator('article h3')
  expect(await cards.count()).toBe(Math.min(count, 10))
  await expect(page.getByRole('link', { name: String(article.headline) })).toBeVisible()
  const profile = (await jsonLd(page)).find((d) => d['@type'] === 'ProfilePage')
  expect(profile).toMatchObject({
    url: author.url,
    mainEntity: { '@type': 'Person', name: author.name, url: author.url },
  })
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', author.url!)

  // the supervisor's tab lists what they supervised
  await page.goto(`${new URL(supervisor.url!).pathname}/supervised`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(supervisor.name)
  await expect(page.getByRole('link', { name: /^監修した記事\(\d+件\)$/ })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await expect(page.getByRole('link', { name: String(article.headline) })).toBeVisible()
})

test('no page for a person without a profile, an unknown one, or a page number out of range', async ({
  request,
}) => {
  for (const path of [
    '/authors/no-such-person',
    '/authors/Bad_Slug',
    '/authors/mizuno-kenta?page=abc',
    '/authors/mizuno-kenta?page=999',
  ]) {
    expect((await request.get(path)).status(), path).toBe(404)
  }
})

test('the profile address is checked when staff set it, and the page follows the change', async ({
  request,
}) => {
  const auth = { Authorization: `JWT ${await apiToken(request, 'writer')}` }
  const me = (await (await request.get('/api/users/me', { headers: auth })).json()) as {
    user: { id: string | number; profileSlug: string }
  }
  const save = (profileSlug: string | null) =>
    request.patch(`/api/users/${me.user.id}`, { headers: auth, data: { profileSlug } })
  const bad = await save('Mizuno Kenta')
  expect(bad.status()).toBe(400)
  expect(JSON.stringify(await bad.json())).toContain('半角英小文字・数字・ハイフン')
  // taken by someone else
  const taken = await save('hojo-sayaka')
  expect(taken.status()).toBe(400)
  expect(JSON.stringify(await taken.json())).toContain('ほかの人が使っています')
  expect((await save('kenta-mizuno')).ok()).toBe(true)
  try {
    await expect.poll(async () => (await request.get('/authors/kenta-mizuno')).status()).toBe(200)
    expect((await request.get('/authors/mizuno-kenta')).status()).toBe(404)
  } finally {
    expect((await save(me.user.profileSlug)).ok()).toBe(true)
  }
})
