// The rebuildArticleChecks job: an article written before its compliance checks existed (or
// past the hooks) gets them derived again, so the compliance view finds what it hides, while
// the label editors own, the article's date and its versions stay as they were.
import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { rebuildArticleChecksEndpoint } from '@/endpoints/rebuildMediaUses'
import { CHECKS_PAGE } from '@/lib/articleChecks'
import { complianceContext, problemsPage } from '@/lib/compliance'
import type { User } from '@/payload-types'
import {
  agentData,
  articleData,
  blockNode,
  createCategory,
  createRoleUsers,
  lexical,
  linkData,
  paragraph,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

const sys = { overrideAccess: true as const, depth: 0 }
let payload: Payload
let users: Awaited<ReturnType<typeof createRoleUsers>>

beforeAll(async () => {
  payload = await getTestPayload()
  users = await createRoleUsers(payload)
})

/** A published article with an agent card and its link: it promotes, so its hooks label it PR. */
async function promotingArticle() {
  const category = await createCategory(payload)
  const agent = await payload.create({ ...sys, collection: 'agents', data: agentData() })
  const link = await payload.create({
    ...sys,
    collection: 'affiliate-links',
    data: linkData(agent.id),
  })
  return payload.create({
    ...sys,
    collection: 'articles',
    data: articleData(category.id, users.writer.id, {
      _status: 'published',
      body: lexical(
        paragraph('比較の前に'),
        blockNode('agentCard', { agent: agent.id, link: link.id }),
      ),
    }),
  })
}

/** What an older site's row holds: no checks, no dependencies, and no label. */
const asWrittenBeforeTheChecks = (id: string | number) =>
  payload.db.updateOne({
    collection: 'articles',
    where: { id: { equals: id } },
    data: {
      promotional: false,
      checks: { promotes: false, missingReferences: 0, primaryLinkAgents: [] },
      dependsOn: { agents: [], links: [] },
    },
  })

const unlabelled = async () =>
  (await problemsPage(await complianceContext(payload), 'disclosure-missing', 1, 100)).map(
    (p) => p.id,
  )

describe('rebuilding the articles’ checks', () => {
  it('derives them again, so the compliance view finds the unlabelled page, and changes nothing else', async () => {
    const article = await promotingArticle()
    expect(article.promotional).toBe(true)
    await asWrittenBeforeTheChecks(article.id)
    const before = await payload.findByID({ ...sys, collection: 'articles', id: article.id })
    expect(await unlabelled()).not.toContain(String(article.id))
    const versions = await payload.countVersions({
      collection: 'articles',
      where: { parent: { equals: article.id } },
    })

    const job = await payload.jobs.queue({ task: 'rebuildArticleChecks', input: {} })
    await payload.jobs.runByID({ id: job.id })

    expect(await unlabelled()).toContain(String(article.id))
    const after = await payload.findByID({ ...sys, collection: 'articles', id: article.id })
    expect(after.checks?.promotes).toBe(true)
    expect(after.dependsOn?.agents?.length).toBeGreaterThan(0)
    expect(after.dependsOn?.links?.length).toBeGreaterThan(0)
    // the label stays the editor's; the date and the versions are untouched
    expect(after.promotional).toBe(false)
    expect(after.updatedAt).toBe(before.updatedAt)
    expect(
      (
        await payload.countVersions({
          collection: 'articles',
          where: { parent: { equals: article.id } },
        })
      ).totalDocs,
    ).toBe(versions.totalDocs)
  })

  it('walks every article, page after page', async () => {
    const category = await createCategory(payload)
    const made = []
    for (let i = 0; i <= CHECKS_PAGE; i++) {
      made.push(
        await payload.create({
          ...sys,
          collection: 'articles',
          // drafts: the rebuild walks every article, and these stay out of other tests' lists
          data: articleData(category.id, users.writer.id, { _status: 'draft' }),
          draft: true,
        }),
      )
    }
    const promoting = await promotingArticle()
    await asWrittenBeforeTheChecks(promoting.id)
    const before = await payload.count({
      collection: 'articles',
      where: { id: { less_than: promoting.id } },
    })
    expect(before.totalDocs).toBeGreaterThan(CHECKS_PAGE)
    const job = await payload.jobs.queue({ task: 'rebuildArticleChecks', input: {} })
    await payload.jobs.runByID({ id: job.id })
    // the promoting article comes after more than a page of others (ids in order)
    expect(
      (await payload.findByID({ ...sys, collection: 'articles', id: promoting.id })).checks
        ?.promotes,
    ).toBe(true)
  })

  it('is queued by an admin only', async () => {
    const ask = async (user?: User) => {
      const response = await rebuildArticleChecksEndpoint.handler(
        await createLocalReq({ user: user && { ...user, collection: 'users' } }, payload),
      )
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    }
    for (const user of [undefined, users.writer, users.marketer, users.editor]) {
      expect(await ask(user)).toEqual({
        status: 403,
        body: { errors: [{ message: '再計算を依頼できるのは管理者だけです。' }] },
      })
    }
    const asked = await ask(users.admin)
    expect(asked.status).toBe(202)
    expect(asked.body.message).toBe(
      '記事のコンプライアンス判定の再計算を受け付けました。数秒後に始まります。',
    )
  })
})
