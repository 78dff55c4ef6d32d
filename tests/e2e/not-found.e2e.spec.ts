import { expect, test } from '@playwright/test'

// A missing page is a page: without JavaScript (a crawler, a screen reader before the scripts
// load) it has its language, title, heading, text, a search box and the main pages' links.

test.use({ viewport: { width: 375, height: 812 }, javaScriptEnabled: false })

for (const path of [
  '/articles/does-not-exist',
  '/agents/no-such-agent',
  '/categories/no-such-category',
  '/no/such/page',
  '/agents/michibiki?page=999',
]) {
  test(`404 at ${path}: rendered whole on the server`, async ({ page, request }) => {
    // twice: the second may come from Next's route cache, which keeps the empty error document
    for (let i = 0; i < 2; i++) {
      const res = await request.get(path)
      expect(res.status()).toBe(404)
      const html = await res.text()
      expect(html).toMatch(/<html lang="ja"/)
      expect(html).not.toContain('__next_error__')
      expect(html).toContain('<h1 id="not-found-title"')
      expect(html).toMatch(/<title>ページが見つかりませんでした \| /)
    }

    await page.goto(path)
    await expect(page).toHaveTitle(/^ページが見つかりませんでした \| /)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりませんでした')
    await expect(
      page.getByRole('navigation', { name: '主なページ' }).getByRole('link'),
    ).toHaveCount(4)
    // the search box works without JavaScript
    const search = page.getByRole('search')
    await search.getByLabel('記事を検索').fill('年収')
    await search.getByRole('button', { name: '検索' }).click()
    await expect(page).toHaveURL(/\/search\?q=%E5%B9%B4%E5%8F%8E$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('サイト内検索')
    await expect(page.getByRole('searchbox').first()).toHaveValue('年収')
  })
}
