import { expect, test } from '@playwright/test'

// A reader picks two or three agents and sees them side by side, on a phone, without
// JavaScript: one address per set whatever the order, every CTA marked PR and sponsored.

test.use({ viewport: { width: 375, height: 812 }, javaScriptEnabled: false })

test('two agents picked on the agents page are compared side by side at one address', async ({
  page,
  request,
}) => {
  await page.goto('/agents')
  await page.getByRole('link', { name: '2〜3社を選んで比較する' }).click()
  const picker = page.locator('#compare')
  await picker.getByRole('checkbox', { name: /ミチビキ転職エージェント/ }).check()
  await picker.getByRole('checkbox', { name: /フリーランスポート/ }).check()
  await picker.getByRole('button', { name: /選んだエージェントを比較する/ }).click()

  // the form's `?agents=…&agents=…` is tidied to the one address of the set
  await expect(page).toHaveURL(/\/agents\/compare\?agents=freelance-port,michibiki$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'フリーランスポート・ミチビキ転職エージェントの比較',
  )
  const table = page.getByRole('table')
  await expect(table.getByRole('columnheader')).toHaveText([
    'フリーランスポート',
    'ミチビキ転職エージェント',
  ])
  for (const row of ['総合評価', '担当者の対応', '強み', '対象', '基本情報', '公式サイト']) {
    await expect(table.getByRole('rowheader', { name: row })).toBeVisible()
  }
  // facts carry their dates
  await expect(table.getByText(/年\d+月現在/).first()).toBeVisible()
  // every CTA is marked and sponsored, and counted as the comparison table's
  const ctas = table.locator('a[data-cta="affiliate"]')
  expect(await ctas.count()).toBe(2)
  for (const cta of await ctas.all()) {
    await expect(cta).toHaveAttribute('rel', /sponsored/)
    await expect(cta).toContainText('PR')
    await expect(cta).toHaveAttribute('href', /from=compare&slot=table$/)
  }
  // the page carries CTAs: its disclosure comes first, with the licence line
  await expect(page.getByTestId('pr-disclosure')).toBeVisible()
  await expect(page.getByTestId('licence-line')).toBeVisible()
  const origin = new URL(page.url()).origin
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    `${origin}/agents/compare?agents=freelance-port,michibiki`,
  )

  // the other order is the same page, answered from the page cache
  const reversed = await request.get('/agents/compare?agents=michibiki,freelance-port', {
    maxRedirects: 0,
  })
  expect(reversed.status()).toBe(307)
  expect(reversed.headers()['location']).toBe('/agents/compare?agents=freelance-port,michibiki')
  const again = await request.get('/agents/compare?agents=freelance-port,michibiki')
  expect(again.headers()['x-page-cache']).toBe('HIT')
})

test('one agent or four are sent back to choose again, with the reason; unknown ones are 404', async ({
  page,
  request,
}) => {
  await page.goto('/agents/compare?agents=michibiki')
  await expect(page.getByRole('alert')).toHaveText(/もう1社以上選んでください/)
  // what was ticked stays ticked
  await expect(page.getByRole('checkbox', { name: /ミチビキ転職エージェント/ })).toBeChecked()
  await page.getByRole('checkbox', { name: /ハイキャリアブリッジ/ }).check()
  await page.getByRole('button', { name: /選んだエージェントを比較する/ }).click()
  await expect(page).toHaveURL(/\?agents=high-career-bridge,michibiki$/)
  await expect(page.getByRole('table')).toBeVisible()

  await page.goto('/agents/compare?agents=michibiki,freelance-port,consul-links,it-works-gate')
  await expect(page.getByRole('alert')).toHaveText(/3社まで/)
  for (const path of [
    '/agents/compare?agents=michibiki,no-such-agent',
    '/agents/compare?agents=michibiki,BAD',
  ]) {
    expect((await request.get(path)).status(), path).toBe(404)
  }
})
