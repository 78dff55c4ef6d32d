// The editorial workflow through the Local API, acting as each user with overrideAccess: false
// (as the REST and GraphQL handlers do): every transition, every refusal, the history, and
// scheduled publishing run by the jobs queue.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Article, User } from '@/payload-types'
import {
  articleData,
  blockNode,
  createAgent,
  createCategory,
  createRoleUsers,
  lexical,
  paragraph,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

type Id = Article['id']
type Role = 'admin' | 'editor' | 'writer' | 'marketer'

let payload: Payload
let users: Record<Role, User>
let categoryId: Id
let agentId: Id

const sys = { overrideAccess: true as const, depth: 0 }
const as = (role: Role, draftSave = false) => ({
  user: users[role],
  overrideAccess: false as const,
  depth: 0,
  ...(draftSave ? { draft: true, context: { draftSave: true } } : {}),
})

beforeAll(async () => {
  payload = await getTestPayload()
  users = await createRoleUsers(payload)
  categoryId = (await createCategory(payload)).id
  agentId = (await createAgent(payload)).id
})

const latest = (id: Id) =>
  payload.findByID({ ...sys, collection: 'articles', id, draft: true }) as Promise<Article>
const live = (id: Id) =>
  payload.findByID({ ...sys, collection: 'articles', id, draft: false }) as Promise<Article>

const history = async (id: Id) =>
  (
    await payload.find({
      ...sys,
      collection: 'article-transitions',
      where: { article: { equals: id } },
      sort: 'createdAt',
      limit: 100,
    })
  ).docs

const move = (role: Role, id: Id, data: Record<string, unknown>, draftSave = false) =>
  payload.update({ collection: 'articles', id, data, ...as(role, draftSave) })

/** A writer's new draft; with a state, one the workflow has already brought to that state. */
async function writerDraft(overrides: Record<string, unknown> = {}) {
  const data = articleData(categoryId, users.writer.id, { _status: 'draft', ...overrides })
  return 'workflowState' in overrides
    ? payload.create({ ...sys, collection: 'articles', data, draft: true })
    : payload.create({ collection: 'articles', data, draft: true, ...as('writer') })
}

describe('the editorial workflow', () => {
  it('runs 下書き → レビュー待ち → 差し戻し → レビュー待ち → 承認済み → 公開, recording each step', async () => {
    const article = await writerDraft()
    expect(article.workflowState).toBe('draft')

    await move('writer', article.id, { workflowState: 'in_review' })
    expect((await latest(article.id)).workflowState).toBe('in_review')

    await move('editor', article.id, {
      workflowState: 'changes_requested',
      workflowComment: '見出しを具体的にしてください',
    })
    expect((await latest(article.id)).workflowState).toBe('changes_requested')

    await move('writer', article.id, { lead: '直したリード文です。', workflowState: 'in_review' })
    await move('editor', article.id, { workflowState: 'approved' })
    await move('editor', article.id, { _status: 'published' })

    const published = await live(article.id)
    expect(published._status).toBe('published')
    expect(published.workflowState).toBe('published')
    expect(published.lead).toBe('直したリード文です。')

    const steps = await history(article.id)
    expect(steps.map((s) => [s.from ?? null, s.to])).toEqual([
      [null, 'draft'],
      ['draft', 'in_review'],
      ['in_review', 'changes_requested'],
      ['changes_requested', 'in_review'],
      ['in_review', 'approved'],
      ['approved', 'published'],
    ])
    const sentBack = steps[2]
    expect(sentBack.comment).toBe('見出しを具体的にしてください')
    expect(sentBack.by).toBe(users.editor.id)
    expect(sentBack.byName).toBe(users.editor.displayName)
    expect(steps[1].by).toBe(users.writer.id)
    expect(steps.every((s) => s.createdAt)).toBe(true)
  })

  it('refuses 差し戻し without a comment and changes nothing', async () => {
    const article = await writerDraft({ workflowState: 'in_review' })
    await expect(
      move('editor', article.id, { workflowState: 'changes_requested', workflowComment: '  ' }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('コメント') })
    expect((await latest(article.id)).workflowState).toBe('in_review')
    expect((await history(article.id)).map((s) => s.to)).toEqual(['in_review'])
  })

  it.each([
    ['writer approves their own article', 'writer', { workflowState: 'approved' }],
    ['writer publishes', 'writer', { _status: 'published' }],
    ['marketer publishes', 'marketer', { _status: 'published' }],
    ['marketer submits', 'marketer', { workflowState: 'in_review' }],
    ['marketer approves', 'marketer', { workflowState: 'approved' }],
  ] as const)('refuses: %s', async (_, role, data) => {
    const article = await writerDraft()
    await expect(move(role, article.id, data)).rejects.toMatchObject({ status: 403 })
    const after = await latest(article.id)
    expect(after.workflowState).toBe('draft')
    expect(after._status).toBe('draft')
  })

  it('a writer submits only their own article', async () => {
    const other = await payload.create({
      collection: 'articles',
      data: articleData(categoryId, users.editor.id, { _status: 'draft' }),
      draft: true,
      ...as('editor'),
    })
    await expect(move('writer', other.id, { workflowState: 'in_review' })).rejects.toMatchObject({
      status: 403,
      message: 'このアクションは許可されていません。',
    })
    expect((await latest(other.id)).workflowState).toBe('draft')
  })

  it('a writer takes their article back from review; not after an editor approved it', async () => {
    const article = await writerDraft()
    await move('writer', article.id, { workflowState: 'in_review' }, true)
    await move('writer', article.id, { workflowState: 'draft' }, true)
    expect((await latest(article.id)).workflowState).toBe('draft')
    expect((await history(article.id)).at(-1)).toMatchObject({
      from: 'in_review',
      to: 'draft',
      by: users.writer.id,
    })
    await move('writer', article.id, { workflowState: 'in_review' }, true)
    await move('editor', article.id, { workflowState: 'approved' }, true)
    await expect(
      move('writer', article.id, { workflowState: 'draft' }, true),
    ).rejects.toMatchObject({ status: 403 })
    expect((await latest(article.id)).workflowState).toBe('approved')
  })

  it('freezes a writer’s text once approved, until an editor sends it back', async () => {
    const article = await writerDraft({ workflowState: 'in_review' })
    await move('editor', article.id, { workflowState: 'approved' })
    await expect(move('writer', article.id, { lead: '承認後の書き換え' })).rejects.toMatchObject({
      status: 403,
    })
    expect((await latest(article.id)).lead).not.toBe('承認後の書き換え')
    await move('editor', article.id, {
      workflowState: 'changes_requested',
      workflowComment: '再確認',
    })
    await move('writer', article.id, { lead: '差し戻し後の書き換え' })
    expect((await latest(article.id)).lead).toBe('差し戻し後の書き換え')
  })

  it('only an editor unpublishes; an unpublished article is gone from readers', async () => {
    const article = await writerDraft({ workflowState: 'approved' })
    await move('editor', article.id, { _status: 'published' })

    await expect(move('writer', article.id, { _status: 'draft' })).rejects.toMatchObject({
      status: 403,
    })
    await expect(move('writer', article.id, { lead: '公開中に直接' })).rejects.toMatchObject({
      status: 403,
    })
    expect((await live(article.id))._status).toBe('published')

    await move('editor', article.id, { _status: 'draft', workflowState: 'draft' })
    const after = await live(article.id)
    expect(after._status).toBe('draft')
    expect(after.workflowState).toBe('draft')
    const anonymous = await payload.find({
      collection: 'articles',
      where: { id: { equals: article.id } },
      overrideAccess: false,
    })
    expect(anonymous.docs).toHaveLength(0)
    expect((await history(article.id)).at(-1)).toMatchObject({ from: 'published', to: 'draft' })
  })

  it('a writer’s revision of a published article waits beside the live version', async () => {
    const article = await writerDraft({ workflowState: 'approved' })
    await move('editor', article.id, { _status: 'published' })
    const liveLead = (await live(article.id)).lead

    await move('writer', article.id, { lead: '改訂中のリード文', _status: 'draft' }, true)
    await move('writer', article.id, { workflowState: 'in_review' }, true)

    const current = await live(article.id)
    expect(current._status).toBe('published')
    expect(current.lead).toBe(liveLead)
    const revision = await latest(article.id)
    expect(revision.lead).toBe('改訂中のリード文')
    expect(revision.workflowState).toBe('in_review')
  })

  it('an admin may make any move', async () => {
    const article = await writerDraft()
    await move('admin', article.id, { _status: 'published' })
    expect((await live(article.id)).workflowState).toBe('published')
  })
})

describe('予約公開', () => {
  it('refuses a time in the past', async () => {
    const article = await writerDraft({ workflowState: 'approved' })
    await expect(
      move('editor', article.id, {
        workflowState: 'scheduled',
        scheduledAt: new Date(Date.now() - 60_000).toISOString(),
      }),
    ).rejects.toMatchObject({ status: 400 })
    expect((await latest(article.id)).workflowState).toBe('approved')
  })

  it('the jobs queue publishes a scheduled article when its time comes, and not before', async () => {
    const article = await writerDraft({ workflowState: 'approved' })
    const at = new Date(Date.now() + 1500).toISOString()
    await move('editor', article.id, { workflowState: 'scheduled', scheduledAt: at })
    expect((await latest(article.id)).workflowState).toBe('scheduled')

    await payload.jobs.run({ queue: 'scheduled' })
    expect((await live(article.id))._status).toBe('draft')

    await new Promise((r) => setTimeout(r, 1700))
    await payload.jobs.run({ queue: 'scheduled' })
    const published = await live(article.id)
    expect(published._status).toBe('published')
    expect(published.workflowState).toBe('published')
    expect((await history(article.id)).at(-1)).toMatchObject({
      from: 'scheduled',
      to: 'published',
      by: null,
    })
  })

  it('a cancelled schedule publishes nothing', async () => {
    const article = await writerDraft({ workflowState: 'approved' })
    await move('editor', article.id, {
      workflowState: 'scheduled',
      scheduledAt: new Date(Date.now() + 1000).toISOString(),
    })
    await move('editor', article.id, { workflowState: 'approved' })
    await new Promise((r) => setTimeout(r, 1200))
    await payload.jobs.run({ queue: 'scheduled' })
    const after = await live(article.id)
    expect(after._status).toBe('draft')
    expect(after.workflowState).toBe('approved')
  })
})

describe('PR state in the history', () => {
  it('each published version keeps the PR state it was published with', async () => {
    const article = await writerDraft({ workflowState: 'approved' })
    await move('editor', article.id, { _status: 'published' })
    await move('editor', article.id, {
      body: lexical(paragraph('比較します'), blockNode('agentCard', { agent: agentId })),
    })
    const versions = await payload.findVersions({
      ...sys,
      collection: 'articles',
      where: {
        and: [{ parent: { equals: article.id } }, { 'version._status': { equals: 'published' } }],
      },
      sort: 'createdAt',
    })
    expect(versions.docs.map((v) => v.version.promotional)).toEqual([false, true])
    // the change to the live article is a publication too, with the PR state it brought
    const steps = await history(article.id)
    expect(steps.slice(-2)).toMatchObject([
      { from: 'approved', to: 'published', promotional: false },
      { from: 'published', to: 'published', promotional: true },
    ])
  })
})
