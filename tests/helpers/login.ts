import { expect, type Page } from '@playwright/test'

import { DEMO_USERS } from '../../scripts/seed/data/people'

export type DemoRole = 'admin' | 'editor' | 'writer' | 'marketer'

/** Logs in to /admin with the documented demo account of a role and waits for the dashboard. */
export async function loginAs(page: Page, role: DemoRole) {
  const user = DEMO_USERS.find((u) => u.roles[0] === role)
  if (!user) throw new Error(`no demo user for ${role}`)
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(user.email)
  await page.locator('#field-password').fill(user.password)
  await page.locator('button[type="submit"]').click()
  await expect(page).toHaveURL(/\/admin\/?$/, { timeout: 30_000 })
  await expect(page.locator('.collections__card-list').first()).toBeVisible()
}
