// The category and agent lists read from rows the articles' hooks keep (lib/articleListings.ts):
// they follow the live version through publish, a draft beside it, a category change,
// unpublishing and deletion, and a database without rows gets them back at start-up.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { ensureListings } from '@/lib/articleListings'
import {
  getArticlesFeaturingAgent,
  getArticlesInCategory,
  getCategoryArticleCount,
} from '@/lib/queries/articles'
import {
  articleData,
  blockNode,
  createAgent,
  createCategory,
  createUser,
  lexical,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

const sys = { overrideAccess: true as const, depth: 0 }
let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

const idsIn = async (categoryId: number | string) =>
  (await getArticlesInCategory(categoryId as never, 1, 50)).docs.map((doc) => doc.id)

describe('category and agent lists', () => {
  it('follow the live version of each article, newest first', async () => {
    const [first, second] = [await createCategory(payload), await createCategory(payload)]
    const author = await createUser(payload, 'writer')
    const publish = (publishedAt: string) =>
      payload.create({
        ...sys,
        collection: 'articles',
        data: articleData(first.id, author.id, { _status: 'published', publishedAt }),
      })
    const older = await publish('2025-01-01T00:00:00.000Z')
    const newer = await publish('2026-01-01T00:00:00.000Z')
    await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(first.id, author.id, { _status: 'draft' }),
      draft: true,
    })
    expect(await idsIn(first.id)).toEqual([newer.id, older.id])
    expect(await getCategoryArticleCount(first.id)).toBe(2)

    // a draft moving it to the other category waits beside the live version
    await payload.update({
      ...sys,
      collection: 'articles',
      id: older.id,
      data: { categories: [second.id], _status: 'draft' },
      draft: true,
    })
    expect(await idsIn(first.id)).toEqual([newer.id, older.id])
    expect(await idsIn(second.id)).toEqual([])

    await payload.update({
      ...sys,
      collection: 'articles',
      id: older.id,
      data: { categories: [second.id], _status: 'published' },
    })
    expect(await idsIn(first.id)).toEqual([newer.id])
    expect(await idsIn(second.id)).toEqual([older.id])

    await payload.update({
      ...sys,
      collection: 'articles',
      id: newer.id,
      data: { _status: 'draft', workflowState: 'draft' },
    })
    expect(await idsIn(first.id)).toEqual([])
    expect(await getCategoryArticleCount(first.id)).toBe(0)

    await payload.delete({ ...sys, collection: 'articles', id: older.id })
    expect(await idsIn(second.id)).toEqual([])
    const { totalDocs } = await payload.count({
      collection: 'article-listings',
      where: { article: { in: [older.id, newer.id] } },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(0)
  })

  it('list the articles whose body features an agent', async () => {
    const category = await createCategory(payload)
    const author = await createUser(payload, 'writer')
    const agent = await createAgent(payload)
    const featuring = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, {
        _status: 'published',
        body: lexical(blockNode('agentCard', { agent: agent.id })),
      }),
    })
    expect((await getArticlesFeaturingAgent(agent.id)).map((doc) => doc.id)).toEqual([featuring.id])
  })

  it('are rebuilt for every published article when none are stored', async () => {
    const category = await createCategory(payload)
    const author = await createUser(payload, 'writer')
    const article = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, { _status: 'published' }),
    })
    const published = await payload.count({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      overrideAccess: true,
    })
    await payload.delete({
      ...sys,
      collection: 'article-listings',
      where: { id: { exists: true } },
    })
    expect(await idsIn(category.id)).toEqual([])
    expect(await ensureListings(payload)).toBe(published.totalDocs)
    expect(await idsIn(category.id)).toEqual([article.id])
    expect(await ensureListings(payload)).toBe(0)
  })
})
