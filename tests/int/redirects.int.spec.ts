import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getRedirectTarget } from '@/lib/queries/redirects'
import type { Category } from '@/payload-types'
import { articleData, createAgent, createCategory, createRoleUsers } from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

// A changed slug leaves a redirect from the old address to the document (plugin-redirects'
// collection), which the site follows (lib/queries/redirects.ts → 301 at the front server).
const sys = { overrideAccess: true as const, depth: 0 }
let payload: Payload
let users: Awaited<ReturnType<typeof createRoleUsers>>
let categoryId: Category['id']

beforeAll(async () => {
  payload = await getTestPayload()
  users = await createRoleUsers(payload)
  categoryId = (await createCategory(payload)).id
})

const editor = () => ({ user: users.editor, overrideAccess: false as const, depth: 0 })

describe('redirects after a slug change', () => {
  it('an article’s old address leads to its new one, through every later change', async () => {
    const article = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(categoryId, users.writer.id, { _status: 'published' }),
    })
    const first = article.slug
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { slug: `${first}-2026` },
      ...editor(),
    })
    expect(await getRedirectTarget(`/articles/${first}`)).toBe(`/articles/${first}-2026`)
    // a second change: both old addresses lead to the newest
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { slug: `${first}-new` },
      ...editor(),
    })
    expect(await getRedirectTarget(`/articles/${first}`)).toBe(`/articles/${first}-new`)
    expect(await getRedirectTarget(`/articles/${first}-2026`)).toBe(`/articles/${first}-new`)
    // back to the first slug: its redirect goes (the page is there again), no loop
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { slug: first },
      ...editor(),
    })
    expect(await getRedirectTarget(`/articles/${first}`)).toBeNull()
    expect(await getRedirectTarget(`/articles/${first}-new`)).toBe(`/articles/${first}`)
  })

  it('a draft’s new slug moves nothing until it is published; a never-published one never', async () => {
    const live = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(categoryId, users.writer.id, { _status: 'published' }),
    })
    await payload.update({
      collection: 'articles',
      id: live.id,
      data: { slug: `${live.slug}-draft` },
      draft: true,
      context: { draftSave: true },
      ...editor(),
    })
    expect(await getRedirectTarget(`/articles/${live.slug}`)).toBeNull()
    await payload.update({
      collection: 'articles',
      id: live.id,
      data: { slug: `${live.slug}-draft`, _status: 'published', workflowState: 'published' },
      ...editor(),
    })
    expect(await getRedirectTarget(`/articles/${live.slug}`)).toBe(`/articles/${live.slug}-draft`)

    const draft = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(categoryId, users.writer.id, { _status: 'draft' }),
      draft: true,
    })
    await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { slug: `${draft.slug}-x` },
      draft: true,
      context: { draftSave: true },
      ...editor(),
    })
    expect(await getRedirectTarget(`/articles/${draft.slug}`)).toBeNull()
  })

  it('agents and categories move the same way; a redirect never leaves the site', async () => {
    const agent = await createAgent(payload)
    await payload.update({
      ...sys,
      collection: 'agents',
      id: agent.id,
      data: { slug: `${agent.slug}-v2` },
    })
    expect(await getRedirectTarget(`/agents/${agent.slug}`)).toBe(`/agents/${agent.slug}-v2`)

    const category = await createCategory(payload)
    await payload.update({
      ...sys,
      collection: 'categories',
      id: category.id,
      data: { slug: `${category.slug}-v2` },
    })
    expect(await getRedirectTarget(`/categories/${category.slug}`)).toBe(
      `/categories/${category.slug}-v2`,
    )

    // editors register redirects to this site's paths only
    await expect(
      payload.create({
        collection: 'redirects',
        data: { from: 'https://evil.example/x', type: '301', to: { type: 'custom', url: '/' } },
        ...editor(),
      }),
    ).rejects.toThrow()
    const offsite = await payload.create({
      ...sys,
      collection: 'redirects',
      data: {
        from: '/old-campaign',
        type: '301',
        to: { type: 'custom', url: 'https://evil.example/' },
      },
    })
    expect(await getRedirectTarget(offsite.from)).toBeNull()
    await payload.create({
      collection: 'redirects',
      data: { from: '/old-guide', type: '301', to: { type: 'custom', url: '/agents' } },
      ...editor(),
    })
    expect(await getRedirectTarget('/old-guide')).toBe('/agents')
    // writers and marketers do not manage redirects; visitors cannot read them
    for (const role of ['writer', 'marketer'] as const) {
      await expect(
        payload.create({
          collection: 'redirects',
          data: { from: `/by-${role}`, type: '301', to: { type: 'custom', url: '/' } },
          user: users[role],
          overrideAccess: false,
        }),
      ).rejects.toMatchObject({ status: 403 })
    }
    await expect(
      payload.find({ collection: 'redirects', overrideAccess: false, user: null }),
    ).rejects.toMatchObject({ status: 403 })
  })
})
