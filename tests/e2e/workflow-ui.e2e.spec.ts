import { expect, test, type Page } from '@playwright/test'

import { loginAs, releaseEditLocks } from '../helpers/login'

// What each role meets first in the admin: the next workflow step beside the save button, one
// way to publish, a dashboard of their own work, people shown by name.
test.describe.configure({ mode: 'serial' })
test.beforeEach(({ request }) => releaseEditLocks(request))

const stamp = Date.now().toString(36)
const title = `試用期間中に退職するときの注意点${stamp}`
let articleUrl = ''

const stateField = (page: Page) => page.locator('#field-workflowState')
const topButton = (page: Page) => page.locator('#action-save')
const toast = (page: Page) => page.locator('.payload-toast-container li').first()
const panel = (page: Page, id: string) => page.locator(`[data-panel="${id}"]`)

test('a writer asks for review from the top bar on a new article, then takes it back', async ({
  page,
}) => {
  await loginAs(page, 'writer')
  for (const id of ['changes', 'drafts', 'waiting', 'scheduled']) {
    await expect(panel(page, id)).toBeVisible()
  }
  await page.goto('/admin/collections/articles/create')
  // the next step is in the first screen, beside the save button; no publishing for writers
  await expect(topButton(page)).toHaveText('レビュー依頼')
  const box = await topButton(page).boundingBox()
  expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height)
  await expect(page.getByRole('button', { name: /公開/ })).toHaveCount(0)
  await expect(page.locator('.workflow-actions__note')).toContainText('最初の保存のあと')
  // the author is the writer, by name
  await expect(page.locator('#field-author')).toContainText('水野 健太')

  await page.locator('#field-title').fill(title)
  await page.locator('#field-slug').fill(`probation-resign-${stamp}`)
  await page
    .locator('#field-lead')
    .fill('試用期間中でも退職はできます。伝え方と手続きの順番を整理します。')
  const body = page.locator('.rich-text-lexical [contenteditable="true"]').first()
  await body.click()
  await body.pressSequentially('試用期間は、会社と本人がお互いを見極める期間です。')
  await page.locator('#field-categories').click()
  await page.getByRole('option', { name: '転職ノウハウ' }).click()

  // saved and sent for review in one click
  await topButton(page).click()
  await expect(page).toHaveURL(/\/admin\/collections\/articles\/(?!create)[^/]+$/, {
    timeout: 30_000,
  })
  articleUrl = new URL(page.url()).pathname
  await expect(stateField(page)).toContainText('レビュー待ち', { timeout: 20_000 })

  await page.goto('/admin')
  await expect(panel(page, 'waiting').getByRole('link', { name: title })).toBeVisible()

  // taken back before an editor looked at it
  await page.goto(articleUrl)
  await expect(async () => {
    await page
      .locator('.workflow-actions')
      .getByRole('button', { name: 'レビュー依頼を取り下げる' })
      .click({ timeout: 2_000 })
    await expect(stateField(page)).toContainText('下書き', { timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await page.goto('/admin')
  await expect(panel(page, 'drafts').getByRole('link', { name: title })).toBeVisible()
  await expect(panel(page, 'waiting').getByRole('link', { name: title })).toHaveCount(0)
})

test('an editor’s dashboard holds the review queue, reviews, today’s schedule and problems', async ({
  page,
}) => {
  await loginAs(page, 'editor')
  await expect(panel(page, 'review').getByRole('heading')).toContainText('古い順')
  await expect(panel(page, 'reviews-pending').getByRole('heading')).toContainText(
    '承認待ちの口コミ',
  )
  await expect(panel(page, 'reviews-pending').getByRole('link').first()).toBeVisible()
  await expect(panel(page, 'scheduled-today')).toBeVisible()
  // the seed's out-of-date agent facts are a compliance problem
  await expect(panel(page, 'compliance')).toContainText('ITワークスゲート')

  // the article list names authors, never <No 著者>
  await page.goto('/admin/collections/articles')
  await expect(page.locator('.cell-author').filter({ hasText: '水野 健太' }).first()).toBeVisible()
  await expect(page.getByText(/<No 著者>|Untitled/)).toHaveCount(0)
})

test('an editor publishes with the one publish button; history names who did it', async ({
  page,
}) => {
  await loginAs(page, 'editor')
  await page.goto(articleUrl)
  await expect(page.locator('#field-author')).toContainText('水野 健太')
  await expect(page.getByText(/Untitled/)).toHaveCount(0)
  // Payload's own 変更内容を公開 is gone; the top button is the workflow's 公開
  await expect(page.getByRole('button', { name: '変更内容を公開' })).toHaveCount(0)
  await expect(topButton(page)).toHaveText('公開')
  await topButton(page).click()
  await expect(toast(page)).toBeVisible({ timeout: 20_000 })
  await page.reload()
  await expect(stateField(page)).toContainText('公開')

  // a change to the live article: the same button publishes it, and the history says so
  await expect(topButton(page)).toHaveText('変更を公開')
  await expect(topButton(page)).toBeDisabled()
  await page
    .locator('#field-lead')
    .fill('試用期間中でも退職はできます。伝え方・手続き・有給の扱いを整理します。')
  await expect(topButton(page)).toBeEnabled()
  await topButton(page).click()
  await expect(toast(page)).toBeVisible({ timeout: 20_000 })
  await page.reload()

  const history = page.locator('#field-history')
  const rows = history.locator('tbody tr')
  await expect(rows).toHaveCount(4) // requested, withdrawn, published, published again
  await expect(history).toContainText('北条 さやか')
  await expect(history).toContainText('水野 健太')
  await expect(history).not.toContainText('<No')
  // the PR column shows a dash or a PR badge, never true/false
  await expect(history).not.toContainText(/\btrue\b|\bfalse\b/)
})
