import { readFile } from 'node:fs/promises'

import { expect, test } from '@playwright/test'

import { apiToken, loginAs, releaseEditLocks } from '../helpers/login'

// A reader's click on a CTA: redirected at once with the sub-ID filled in, and recorded by the
// click buffer within about a second (the flush interval), with where it came from, the
// device class and the bot flag. A marketer changes a link in one place, sees the clicks in
// the click report and downloads them as CSV.

const LINK = 'michibiki-a8'
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'

type Click = {
  clickId: string
  placement: string
  slot: string
  deviceClass: string
  isBot: boolean
  destination: string
  subId: string
  visitorKey: string
}

test.beforeEach(async ({ request }) => releaseEditLocks(request))

test('a CTA click is redirected with its sub-ID and recorded with its placement, slot, device and bot flag', async ({
  request,
}) => {
  const token = await apiToken(request, 'marketer')
  const since = new Date(Date.now() - 1000).toISOString()
  const clicksSince = async () =>
    (
      (await (
        await request.get(
          `/api/clicks?where[createdAt][greater_than]=${since}&where[link.slug][equals]=${LINK}&limit=50&depth=0&sort=createdAt`,
          { headers: { Authorization: `JWT ${token}` } },
        )
      ).json()) as { docs: Click[] }
    ).docs

  const reader = await request.get(`/go/${LINK}?from=agent-michibiki&slot=agent-page`, {
    maxRedirects: 0,
    headers: { 'User-Agent': IPHONE, 'X-Forwarded-For': '203.0.113.151' },
  })
  expect(reader.status()).toBe(302)
  const location = new URL(reader.headers()['location']!)
  const preview = await request.head(`/go/${LINK}?from=%3Cscript%3E`, {
    maxRedirects: 0,
    headers: { 'User-Agent': IPHONE, 'X-Forwarded-For': '203.0.113.152' },
  })
  expect(preview.status()).toBe(302)

  await expect(async () => expect(await clicksSince()).toHaveLength(2)).toPass({
    timeout: 3_000,
    intervals: [200],
  })
  const [click, head] = await clicksSince()
  expect(click).toMatchObject({
    placement: 'agent-michibiki',
    slot: 'agent-page',
    deviceClass: 'mobile',
    isBot: false,
  })
  // the seeded sub-ID rule: the click's own id in the ASP's parameter, nothing else changed
  expect(location.searchParams.get('sub_id')).toBe(click!.clickId)
  expect(click!.subId).toBe(click!.clickId)
  location.searchParams.delete('sub_id')
  expect(location.toString()).toBe(click!.destination)
  expect(click!.visitorKey).toMatch(/^[0-9a-f]{32}$/)
  expect(head).toMatchObject({ placement: 'unknown', slot: 'unknown', isBot: true })
  // the address is never stored
  expect(JSON.stringify([click, head])).not.toContain('203.0.113.15')
})

test('a reader who clicks the CTA on an agent page lands on the destination with the sub-ID', async ({
  page,
  context,
}) => {
  // the destination is an .example host: answer it here instead of the internet
  await context.route('https://michibiki-agent.example/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<html lang="ja"><title>LP</title></html>',
    }),
  )
  await page.goto('/agents/michibiki')
  const popup = page.waitForEvent('popup')
  await page.locator('a[data-cta="affiliate"]').first().click()
  const landed = await popup
  await landed.waitForURL(/^https:\/\/michibiki-agent\.example\//)
  const url = new URL(landed.url())
  expect(url.origin).toBe('https://michibiki-agent.example')
  expect(url.searchParams.get('sub_id')).toMatch(/^[0-9a-f]{16}$/)
})

test('a marketer changes a link once, sees the clicks in the report without bots, and downloads the CSV', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  const token = await apiToken(request, 'marketer')
  const auth = { Authorization: `JWT ${token}` }
  const stamp = Date.now().toString(36)
  const created = await request.post('/api/affiliate-links', {
    headers: auth,
    data: {
      name: `レポート確認リンク ${stamp}`,
      slug: `report-check-${stamp}`,
      agent: (
        (await (await request.get('/api/agents?limit=1&depth=0', { headers: auth })).json()) as {
          docs: { id: string }[]
        }
      ).docs[0]!.id,
      asp: 'direct',
      destinationUrl: 'https://first.example/lp',
      status: 'active',
    },
  })
  expect(created.ok()).toBe(true)
  const link = ((await created.json()) as { doc: { id: string; slug: string } }).doc

  // the marketer changes the destination in the admin: the next redirect goes there
  await loginAs(page, 'marketer')
  await page.goto(`/admin/collections/affiliate-links/${link.id}`)
  await expect(page.getByText('使用箇所')).toBeVisible()
  // the full /go/ address, copied with one button
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const address = `${new URL(page.url()).origin}/go/${link.slug}`
  await expect(page.locator('.go-address code')).toHaveText(address)
  await page.locator('.go-address').getByRole('button', { name: 'コピー' }).click()
  await expect(page.locator('.go-address').getByRole('status')).toHaveText(
    'アドレスをコピーしました。',
  )
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address)
  await page.locator('#field-destinationUrl').fill('https://second.example/lp')
  await page.locator('#action-save').click()
  await expect(page.locator('.payload-toast-container li').first()).toBeVisible({ timeout: 20_000 })
  const next = await request.get(`/go/${link.slug}`, {
    maxRedirects: 0,
    headers: { 'User-Agent': IPHONE },
  })
  expect(next.headers()['location']).toBe('https://second.example/lp')

  // 4 readers' clicks and 2 bots'
  for (let i = 0; i < 4; i++)
    await request.get(`/go/${link.slug}?from=agent-michibiki&slot=agent-page`, {
      maxRedirects: 0,
      headers: { 'User-Agent': IPHONE, 'X-Forwarded-For': `198.51.100.${i + 10}` },
    })
  await request.head(`/go/${link.slug}`, { maxRedirects: 0, headers: { 'User-Agent': IPHONE } })
  await request.get(`/go/${link.slug}`, {
    maxRedirects: 0,
    headers: { 'User-Agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' },
  })

  await expect(page.locator('a.nav__link[href="/admin/click-report"]')).toHaveCount(1)
  await page.goto('/admin/click-report')
  await expect(page.getByRole('heading', { level: 1, name: 'クリックレポート' })).toBeVisible()
  const row = page
    .getByRole('table', { name: 'リンク別' })
    .getByRole('row', { name: new RegExp(`レポート確認リンク ${stamp}`) })
  // the reader's click before the 4 (the destination check) counts too: 5 readers, bots left out
  await expect(async () => {
    await page.reload()
    await expect(row.getByRole('cell').nth(1)).toHaveText('5', { timeout: 1000 })
  }).toPass({ timeout: 15_000 })
  await expect(row.getByRole('cell').nth(2)).toHaveText('5')
  // the view says what it leaves out, and names the agent's page with a link to it
  await expect(page.getByTestId('bots-left-out')).toHaveText(
    /^この期間のボットと判定したクリック[\d,]+件を除いて表示しています。$/,
  )
  await expect(
    page
      .getByRole('table', { name: '記事・設置場所別' })
      .getByRole('link', { name: 'エージェントページ: ミチビキ転職エージェント' }),
  ).toHaveAttribute('href', '/agents/michibiki')
  await page.getByLabel('ボットのクリックも含める').check()
  await page.getByRole('button', { name: '表示' }).click()
  await expect(row.getByRole('cell').nth(1)).toHaveText('7')

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: /CSVをダウンロード/ }).click()
  const file = await (await download).path()
  const csv = await readFile(file, 'utf8')
  expect(
    csv.startsWith(
      '\uFEFF日付,リンク,スラッグ,ASP,掲載ページ,設置場所,ボット,クリック,ユニーククリック',
    ),
  ).toBe(true)
  const [heading, ...lines] = csv.replace(/^\uFEFF/, '').split(/\r?\n/)
  const columns = heading!.split(',')
  expect(columns.slice(-3)).toEqual(['成果件数', '確定報酬', 'EPC'])
  const mine = lines.filter((line) => line.includes(`report-check-${stamp}`))
  const clicksAt = columns.indexOf('クリック')
  const total = mine.reduce((n, line) => n + Number(line.split(',')[clicksAt]), 0)
  expect(total).toBe(7)
  expect(mine.some((line) => line.includes('エージェントページ'))).toBe(true)

  // an ASP's results for a reader's click and a bot's, imported from the report's own form:
  // the figures follow at once, and the bot's result is shown apart, not in EPC
  const clicks = (await (
    await request.get(`/api/clicks?where[link][equals]=${link.id}&limit=20&depth=0`, {
      headers: auth,
    })
  ).json()) as { docs: { clickId: string; isBot: boolean }[] }
  const readerClick = clicks.docs.find((c) => !c.isBot)!
  const botClick = clicks.docs.find((c) => c.isBot)!
  const day = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '/')
  const results = [
    '発生日時,サブID,ステータス,報酬額,成果ID',
    `${day},${readerClick.clickId},確定,6500,e2e-${stamp}-1`,
    `${day},${botClick.clickId},確定,5000,e2e-${stamp}-2`,
  ].join('\r\n')
  await page.goto('/admin/click-report')
  await expect(row.getByRole('cell').nth(3)).toHaveText('0')
  const form = page.locator('form', { has: page.getByText('成果CSV') })
  await form.getByLabel('ASP').selectOption('a8')
  await form
    .getByLabel('成果CSV')
    .setInputFiles({ name: 'a8.csv', mimeType: 'text/csv', buffer: Buffer.from(results) })
  // first what the file would do, with nothing stored yet
  await form.getByRole('button', { name: '内容を確認する' }).click()
  await expect(form.locator('.click-report__preview')).toHaveText(
    'まだ取り込んでいません。2行を読みました: このまま取り込むと 追加 2件・更新 0件・変更なし 0件',
  )
  await expect(row.getByRole('cell').nth(3)).toHaveText('0')
  await form.getByRole('button', { name: 'この内容で取り込む' }).click()
  await expect(form.locator('.click-report__ok')).toContainText('取り込みました。')
  await expect(form.locator('.click-report__ok')).toContainText('追加 2件')
  // no reload: 5 readers' clicks, one result, 6,500円, EPC 1,300.0円
  await expect(row.getByRole('cell').nth(3)).toHaveText('1')
  await expect(row.getByRole('cell').nth(5)).toHaveText('6,500円')
  await expect(row.getByRole('cell').nth(6)).toHaveText('1,300.0円')
  await expect(page.getByTestId('results-set-aside')).toContainText('ボットのクリックに紐づく成果')
  await page.screenshot({ path: 'test-results/click-report-1280.png', fullPage: true })

  // the clicks list says はい / いいえ for a bot, never true / false
  await page.goto(`/admin/collections/clicks?where[link][equals]=${link.id}`)
  const table = page.locator('.table table')
  await expect(table.locator('tbody tr')).toHaveCount(7)
  await expect(table).not.toContainText(/\b(true|false)\b/)
  await expect(table.locator('tbody td', { hasText: /^はい$/ })).toHaveCount(2)
  await expect(table.locator('tbody td', { hasText: /^いいえ$/ })).toHaveCount(5)

  // the link's page and the link list count its readers' clicks: today, 7 days, 30 days
  await page.goto(`/admin/collections/affiliate-links/${link.id}`)
  await expect(page.getByTestId('link-clicks')).toHaveText(/今日5直近7日5直近30日5/)
  await page.goto(`/admin/collections/affiliate-links?search=${stamp}`)
  await expect(
    page
      .getByRole('row', { name: new RegExp(`レポート確認リンク ${stamp}`) })
      .locator('.link-clicks'),
  ).toHaveText('5 / 5 / 5')

  // the marketer's dashboard: today's clicks (readers only), broken links, links ending soon
  await page.goto('/admin')
  const today = page.locator('[data-panel="clicks-today"]')
  await expect(today.getByRole('heading', { name: '今日のクリック' })).toBeVisible()
  await expect(today.locator('.workflow-panel__figure')).toContainText(/^[\d,]+件/)
  await expect(page.getByRole('heading', { name: /リンク切れ/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: /14日以内に掲載終了/ })).toBeVisible()
})
