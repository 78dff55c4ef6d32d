import { expect, test, type Page, type Request } from '@playwright/test'

import { previewPath } from '../../lib/preview'
import { loginAs, openFromList, releaseEditLocks } from '../helpers/login'

// The editorial workflow as the team lives it in the admin, and what readers see at the end.
test.describe.configure({ mode: 'serial' })
test.beforeEach(({ request }) => releaseEditLocks(request))

const stamp = Date.now().toString(36)
const title = `面談前に準備したい逆質問のリスト${stamp}`
const slug = `reverse-questions-${stamp}`
let articleUrl = ''

const toast = (page: Page) => page.locator('.payload-toast-container li').first()

// the workflow moves in the edit view's sidebar (the top bar holds only the main one)
const sidebarButton = (page: Page, name: string) =>
  page.locator('.workflow-actions').getByRole('button', { name, exact: true })

/**
 * Makes a workflow move from the sidebar. What the move needs (a comment, a date) is typed in
 * again before each click: typed before the sidebar has hydrated, React resets it.
 */
async function transition(
  page: Page,
  button: string,
  { comment, scheduledAt }: { comment?: string; scheduledAt?: string } = {},
) {
  // A click that lands before the page can act on it (the sidebar still hydrating on a busy
  // machine) sends nothing, and on a busy machine the request of one that did may leave late:
  // count the requests from the first click on, and click again only while none has left.
  let sent = 0
  const onRequest = (r: Request) => {
    if (r.method() === 'PATCH' && r.url().includes('/api/articles/')) sent++
  }
  page.on('request', onRequest)
  try {
    await expect(async () => {
      if (sent > 0) return
      if (comment) await page.getByLabel('コメント(差し戻しでは必須)').fill(comment)
      if (scheduledAt) await page.getByLabel('予約公開の日時').fill(scheduledAt)
      await sidebarButton(page, button).click({ timeout: 2_000 })
      await expect.poll(() => sent, { timeout: 3_000 }).toBeGreaterThan(0)
    }).toPass({ timeout: 30_000 })
  } finally {
    page.off('request', onRequest)
  }
  await expect(toast(page)).toBeVisible({ timeout: 20_000 })
}

const stateField = (page: Page) => page.locator('#field-workflowState')

test('a writer writes an article and asks for review', async ({ page }) => {
  await loginAs(page, 'writer')
  await page.goto('/admin/collections/articles/create')
  await page.locator('#field-title').fill(title)
  await page.locator('#field-slug').fill(slug)
  await page
    .locator('#field-lead')
    .fill('一次面接の最後に聞かれる「何か質問はありますか」への備え方をまとめます。')
  const body = page.locator('.rich-text-lexical [contenteditable="true"]').first()
  await body.click()
  await body.pressSequentially('逆質問は、入社後の働き方を具体的に想像するための時間です。')
  await page.locator('#field-categories').click()
  await page.getByRole('option', { name: '転職ノウハウ' }).click()
  await page.locator('#action-save-draft').click()
  await expect(page).toHaveURL(/\/admin\/collections\/articles\/(?!create)[^/]+$/, {
    timeout: 30_000,
  })
  articleUrl = new URL(page.url()).pathname
  await expect(stateField(page)).toContainText('下書き')
  // a writer is offered submitting, never approving or publishing
  await expect(page.getByRole('button', { name: '承認', exact: true })).toHaveCount(0)
  await expect(page.getByRole('button', { name: '公開', exact: true })).toHaveCount(0)

  await transition(page, 'レビュー依頼')
  await expect(stateField(page)).toContainText('レビュー待ち')
})

test('staff preview the unpublished draft as readers would see it; nobody else can', async ({
  page,
  request,
}) => {
  const link = previewPath(slug)!
  // the secret alone is not enough, and the article itself is not public
  expect((await request.get(link, { maxRedirects: 0 })).status()).toBe(403)
  expect((await request.get(`/articles/${slug}`)).status()).toBe(404)

  await loginAs(page, 'editor')
  await page.goto(link)
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}$`))
  await expect(page.getByRole('status').filter({ hasText: 'プレビュー中' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await page.getByRole('link', { name: 'プレビューを終了' }).click()
  await expect(page.getByRole('heading', { name: 'ページが見つかりませんでした' })).toBeVisible()

  // the live preview pane in the edit view shows the same draft beside the form
  await page.goto(articleUrl)
  await page.locator('#live-preview-toggler').click()
  const pane = page.frameLocator('iframe').first()
  await expect(pane.getByText('プレビュー中')).toBeVisible({ timeout: 20_000 })
  await expect(pane.getByRole('heading', { level: 1, name: title })).toBeVisible()
})

test('an editor finds it waiting and sends it back with a comment', async ({ page }) => {
  await loginAs(page, 'editor')
  const panel = page.locator('.workflow-panel', { hasText: 'レビュー待ち' })
  await panel.getByRole('link', { name: title }).click()
  await expect(page).toHaveURL(new RegExp(`${articleUrl}$`))

  // no comment, no 差し戻し
  await sidebarButton(page, '差し戻し').click()
  await expect(page.getByRole('alert').filter({ hasText: 'コメント' })).toBeVisible()
  await expect(stateField(page)).toContainText('レビュー待ち')

  await transition(page, '差し戻し', { comment: '逆質問の例を3つ以上、本文に足してください。' })
  await expect(stateField(page)).toContainText('差し戻し')
})

test('the writer sees the comment, fixes the article and resubmits', async ({ page }) => {
  await loginAs(page, 'writer')
  const panel = page.locator('.workflow-panel', { hasText: '差し戻し' })
  await panel.getByRole('link', { name: title }).click()
  await expect(page.getByText('逆質問の例を3つ以上、本文に足してください。')).toBeVisible()
  await page
    .locator('#field-lead')
    .fill(
      '面接の最後の「何か質問はありますか」に備えて、使える逆質問の例と避けたい質問をまとめます。',
    )
  await page.locator('#action-save-draft').click()
  await expect(toast(page)).toBeVisible({ timeout: 20_000 })
  await page.reload()
  await transition(page, 'レビュー依頼')
  await expect(stateField(page)).toContainText('レビュー待ち')
})

test('the editor marks it a tie-up, approves and publishes; readers see it with its PR line', async ({
  page,
}) => {
  await loginAs(page, 'editor')
  await page.goto(articleUrl)
  await page.locator('#field-tieUp').check()
  await page.locator('#field-sponsorName').fill('株式会社サンプル人材')
  await page.locator('#action-save-draft').click()
  await expect(toast(page)).toBeVisible({ timeout: 20_000 })
  await page.reload()
  await transition(page, '承認')
  await expect(stateField(page)).toContainText('承認済み')
  await page.reload()
  await transition(page, '公開')
  await expect(stateField(page)).toContainText('公開')

  // every step is in the article's history, with who made it
  const history = page.locator('#field-history')
  await expect(history).toContainText('逆質問の例を3つ以上、本文に足してください。')
  await expect(history.getByText('承認済み').first()).toBeVisible()

  await page.goto(`/articles/${slug}`)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const disclosure = page.getByTestId('pr-disclosure')
  await expect(disclosure).toBeVisible()
  await expect(disclosure).toContainText('株式会社サンプル人材')
})

test('a marketer can open it but not change its text', async ({ page }) => {
  await loginAs(page, 'marketer')
  await page.goto(articleUrl)
  await expect(page.locator('#field-title')).toBeDisabled()
  await expect(page.locator('#field-lead')).toBeDisabled()
  await expect(page.getByRole('button', { name: '公開を取り下げる' })).toHaveCount(0)
})

test('an editor schedules another article and it appears when its time comes', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  expect((await request.get('/articles/side-job-rules')).status()).toBe(404)
  await loginAs(page, 'editor')
  await page.goto(`/admin/collections/articles?search=${encodeURIComponent('副業を始める前に')}`)
  await openFromList(page, /副業を始める前に確認したい就業規則のポイント/)
  await transition(page, '承認')
  await page.reload()
  // 20 seconds from now, written the way the browser's date-time field takes it (Tokyo time)
  const at = await page.evaluate(() => {
    const d = new Date(Date.now() + 20_000)
    const pad = (n: number) => String(n).padStart(2, '0')
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  })
  await transition(page, '予約公開', { scheduledAt: at })
  await expect(stateField(page)).toContainText('予約公開')
  expect((await request.get('/articles/side-job-rules')).status()).toBe(404)

  await expect
    .poll(async () => (await request.get('/articles/side-job-rules')).status(), {
      timeout: 75_000,
      intervals: [2_000],
    })
    .toBe(200)
})

test('the compliance view lists a seeded problem and links to it', async ({ page }) => {
  await loginAs(page, 'editor')
  await page.goto('/admin/compliance')
  await expect(page.getByRole('heading', { name: 'コンプライアンスチェック' })).toBeVisible()
  // one kind a page: the summary links to each
  await page.getByRole('link', { name: /^エージェント情報が古い: \d+件$/ }).click()
  await expect(page).toHaveURL(/kind=facts-outdated/)
  const row = page.locator('tr', { hasText: 'ITワークスゲート' })
  await expect(row).toContainText('エージェント情報が古い')
  await row.getByRole('link', { name: 'ITワークスゲート' }).click()
  await expect(page).toHaveURL(/\/admin\/collections\/agents\//)
})
