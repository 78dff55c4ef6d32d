import { expect, test } from '@playwright/test'

import { loginAs, openFromList, releaseEditLocks, type DemoRole } from '../helpers/login'

// What each role finds on its dashboard: a collection it may not read has no card, and the
// 「新規作成」 button appears only where it may create.
const dashboards: Record<DemoRole, { sees: string[]; hidden: string[]; creates: string[] }> = {
  admin: {
    sees: ['記事', '口コミ', 'アフィリエイトリンク', 'クリック', 'ユーザー', 'サイト設定'],
    hidden: [],
    creates: ['articles', 'reviews', 'affiliate-links', 'users'],
  },
  editor: {
    sees: ['記事', '口コミ', 'エージェント', 'クリック', 'サイト設定'],
    hidden: ['ユーザー'],
    creates: ['articles', 'reviews', 'agents'],
  },
  writer: {
    sees: ['記事', 'エージェント', '口コミ'],
    hidden: ['ユーザー', 'クリック'],
    creates: ['articles'],
  },
  marketer: {
    sees: ['アフィリエイトリンク', 'クリック', '記事'],
    hidden: ['ユーザー'],
    creates: ['affiliate-links'],
  },
}

const noCreate: Record<DemoRole, string[]> = {
  admin: [],
  editor: ['affiliate-links', 'users'],
  writer: ['reviews', 'agents', 'affiliate-links'],
  marketer: ['articles', 'reviews', 'agents'],
}

test.describe('admin by role', () => {
  test.beforeEach(({ request }) => releaseEditLocks(request))

  for (const role of Object.keys(dashboards) as DemoRole[]) {
    test(`${role} sees what the role may use, in Japanese`, async ({ page }) => {
      await loginAs(page, role)
      const cards = page.locator('.collections__card-list .card__title')
      const titles = await cards.allTextContents()
      for (const title of dashboards[role].sees) expect(titles, role).toContain(title)
      for (const title of dashboards[role].hidden) expect(titles, role).not.toContain(title)
      for (const slug of dashboards[role].creates) {
        await expect(
          page.locator(`#card-${slug} .card__actions a`),
          `${role} creates ${slug}`,
        ).toHaveCount(1)
      }
      for (const slug of noCreate[role]) {
        await expect(
          page.locator(`#card-${slug} .card__actions a`),
          `${role} may not create ${slug}`,
        ).toHaveCount(0)
      }
    })
  }

  test('an editor edits an article and readers see the change', async ({ page }) => {
    await loginAs(page, 'editor')
    await page.goto('/admin/collections/articles')
    await openFromList(page, /面接でよく聞かれる質問と答え方のコツ/)
    const lead = page.locator('#field-lead')
    await expect(lead).toBeEditable()
    const updated = `面接の定番質問には意図があります。編集部が${Date.now()}に更新しました。`
    await lead.fill(updated)
    await page.locator('#action-save').click()
    await expect(page.locator('.payload-toast-container li').first()).toBeVisible({
      timeout: 20_000,
    })

    await page.goto('/articles/interview-questions')
    await expect(page.getByText(updated)).toBeVisible()
  })

  test('a marketer can open an article but not change its text', async ({ page }) => {
    await loginAs(page, 'marketer')
    await page.goto('/admin/collections/articles')
    await openFromList(page, /職務経歴書の書き方の基本/)
    await expect(page.locator('#field-title')).toBeDisabled()
    await expect(page.locator('#field-lead')).toBeDisabled()
    await expect(page.locator('#action-save')).toHaveCount(0)
  })

  test('a writer saves a draft but is offered no publish button', async ({ page }) => {
    await loginAs(page, 'writer')
    await page.goto('/admin/collections/articles')
    await openFromList(page, /副業を始める前に確認したい就業規則のポイント/)
    await expect(page.locator('#action-save-draft')).toBeVisible()
    await expect(page.locator('#action-save')).toHaveCount(0)
    const lead = `副業の前に就業規則を確認しましょう(${Date.now()})。`
    await page.locator('#field-lead').fill(lead)
    await page.locator('#action-save-draft').click()
    await expect(page.locator('.payload-toast-container li').first()).toBeVisible({
      timeout: 20_000,
    })
    await page.reload()
    await expect(page.locator('#field-lead')).toHaveValue(lead)
    // still unpublished for readers
    const response = await page.request.get('/articles/side-job-rules')
    expect(response.status()).toBe(404)
  })

  test('the admin speaks Japanese: array rows, 24-hour dates as in the lists, a sans-serif editor', async ({
    page,
  }) => {
    await loginAs(page, 'editor')
    await page.goto('/admin/collections/agents')
    await openFromList(page, /^ミチビキ転職エージェント$/)
    await expect(page.getByText('強み 01')).toBeVisible()
    await expect(page.getByRole('button', { name: /^強み\s?を追加$/ })).toBeVisible()
    await expect(page.getByRole('button', { name: /^データ\s?を追加$/ })).toBeVisible()
    await expect(page.getByText(/Strength|Fact/)).toHaveCount(0)

    await page.goto('/admin/collections/articles')
    await openFromList(page, /面接でよく聞かれる質問と答え方のコツ/)
    const published = page.locator('.date-time-field', { hasText: '公開日' }).locator('input')
    await expect(published).toHaveValue(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/)
    const editor = page.locator('.rich-text-lexical [contenteditable="true"]').first()
    await expect(editor).toBeVisible()
    const font = await editor.evaluate((el) => getComputedStyle(el).fontFamily)
    expect(font).toContain('Noto Sans JP')
    expect(font).toMatch(/sans-serif$/)
  })

  test('an expired campaign link reads 期限切れ in the link list and on its page, not 有効', async ({
    page,
  }) => {
    await loginAs(page, 'marketer')
    await page.goto('/admin/collections/affiliate-links')
    const row = page.getByRole('row', { name: /秋の登録キャンペーン/ })
    await expect(row).toContainText('期限切れ(代替URLへ転送中)')
    await expect(page.getByRole('row', { name: /ミチビキ転職エージェント\(a8\)/ })).toContainText(
      '有効',
    )
    await openFromList(page, row.getByRole('link').first())
    await expect(page.getByText('現在の状態: 期限切れ(代替URLへ転送中)')).toBeVisible()
  })

  test('the admin opened at another address than the site says which address to use', async ({
    page,
    baseURL,
  }) => {
    const other = baseURL!.replace('127.0.0.1', 'localhost')
    await page.goto(`${other}/admin/login`)
    const notice = page.getByRole('alert').filter({ hasText: '管理画面は' })
    await expect(notice).toContainText(baseURL!)
    await expect(notice.getByRole('link')).toHaveAttribute('href', `${baseURL}/admin/login`)
    // at the site's own address nothing is said
    await page.goto(`${baseURL}/admin/login`)
    await expect(page.getByRole('textbox').first()).toBeVisible()
    await expect(page.getByText('管理画面は')).toHaveCount(0)
  })
})
