import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'

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

/** Signs in through the REST API with a role's demo account; returns its JWT. */
export async function apiToken(request: APIRequestContext, role: DemoRole): Promise<string> {
  const user = DEMO_USERS.find((u) => u.roles[0] === role)
  if (!user) throw new Error(`no demo user for ${role}`)
  const res = await request.post('/api/users/login', {
    data: { email: user.email, password: user.password },
  })
  expect(res.ok(), `login ${role}`).toBe(true)
  return ((await res.json()) as { token: string }).token
}

/**
 * Releases every edit lock, as if the users of earlier tests had left their documents. Payload
 * takes a lock while someone has a document open for editing and frees it when they navigate
 * away in the admin, or after 5 minutes; a test closes its browser instead, and the next
 * test's user would find the document locked (a modal over the page). Run before each test.
 */
export async function releaseEditLocks(request: APIRequestContext) {
  const token = await apiToken(request, 'admin')
  // every document, as the admin's "delete all" asks for it (an id always exists, so the API
  // refuses `id exists`)
  const released = await request.delete('/api/payload-locked-documents?where[id][not_equals]=', {
    headers: { Authorization: `JWT ${token}` },
  })
  expect(released.ok(), await released.text()).toBe(true)
}

/**
 * Opens a document from an admin list by the link of its title (or the given link). A click that
 * lands while the list is still hydrating can be lost (no navigation follows, seen on a slow CI
 * machine), so it is repeated until the document's edit view is the page.
 */
export async function openFromList(page: Page, title: RegExp | Locator) {
  const link = title instanceof RegExp ? page.getByRole('link', { name: title }).first() : title
  await expect(async () => {
    await link.click()
    await expect(page).toHaveURL(/\/admin\/collections\/[^/]+\/[^/?]+$/, { timeout: 3_000 })
  }).toPass({ timeout: 30_000 })
}

/**
 * A job-change agent of the test's own, made by the demo admin through the REST API (a fresh
 * slug each time, so the test's reviews are the agent's only ones). Returns its id and slug.
 */
export async function createTestAgent(
  request: APIRequestContext,
  name: string,
  slugPrefix: string,
): Promise<{ id: string | number; slug: string }> {
  const admin = await apiToken(request, 'admin')
  const s = Array.from({ length: 8 }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  ).join('')
  const res = await request.post('/api/agents', {
    headers: { Authorization: `JWT ${admin}` },
    data: {
      name: `${name}${s}`,
      slug: `${slugPrefix}-${s}`,
      kind: 'job_change',
      catchCopy: `${name}を確かめるためのエージェント`,
      description: `${name}の表示を確かめるための紹介文です。`,
      strengths: [{ text: '面談が丁寧' }],
    },
  })
  expect(res.status(), await res.text()).toBe(201)
  return ((await res.json()) as { doc: { id: string | number; slug: string } }).doc
}
