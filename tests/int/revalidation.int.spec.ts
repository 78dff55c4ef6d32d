// The collection hooks expire exactly the cache tags of the pages a change shows on.
import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

const { revalidateTag, revalidatePath } = vi.hoisted(() => ({
  revalidateTag: vi.fn(),
  revalidatePath: vi.fn(),
}))
vi.mock('next/cache', () => ({
  revalidateTag,
  revalidatePath,
  unstable_cache: (read: () => Promise<unknown>) => read,
}))

import type { Agent, Category, User } from '@/payload-types'
import {
  articleData,
  blockNode,
  createAgent,
  createCategory,
  createUser,
  lexical,
  linkData,
  paragraph,
  reviewData,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'
import { SITE_SETTINGS } from '@/scripts/seed/data/people'

const sys = { overrideAccess: true as const, depth: 0 }
let payload: Payload
let category: Category
let author: User
let agent: Agent

const expired = () => revalidateTag.mock.calls.map(([tag]) => tag as string)

beforeAll(async () => {
  // hooks only revalidate inside a Next server; pretend to be one
  process.env.NEXT_RUNTIME = 'nodejs'
  payload = await getTestPayload()
  category = await createCategory(payload)
  author = await createUser(payload, 'editor')
  agent = await createAgent(payload)
})
afterAll(() => {
  delete process.env.NEXT_RUNTIME
})
beforeEach(() => {
  revalidateTag.mockClear()
  revalidatePath.mockClear()
})

describe('revalidation', () => {
  it('publishing an article expires its page, the listings, the sitemap and the feed', async () => {
    const article = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, { _status: 'published' }),
    })
    expect(expired()).toEqual(expect.arrayContaining(['article-lists', `article:${article.slug}`]))
    expect(revalidateTag).toHaveBeenCalledWith(`article:${article.slug}`, { expire: 0 })
    expect(revalidatePath.mock.calls.map(([p]) => p)).toEqual(['/sitemap.xml', '/feed.xml'])

    revalidateTag.mockClear()
    const renamed = await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { slug: `${article.slug}-new` },
    })
    expect(expired()).toEqual(
      expect.arrayContaining([`article:${article.slug}`, `article:${renamed.slug}`]),
    )
  })

  it('unpublishing and deleting expire the article page, listings, sitemap and feed', async () => {
    const article = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, { _status: 'published' }),
    })
    revalidateTag.mockClear()
    revalidatePath.mockClear()
    await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { _status: 'draft', workflowState: 'draft' },
    })
    expect(expired()).toEqual(expect.arrayContaining(['article-lists', `article:${article.slug}`]))
    expect(revalidatePath.mock.calls.map(([p]) => p)).toEqual(['/sitemap.xml', '/feed.xml'])

    await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { _status: 'published' },
    })
    revalidateTag.mockClear()
    await payload.delete({ ...sys, collection: 'articles', id: article.id })
    expect(expired()).toEqual(expect.arrayContaining(['article-lists', `article:${article.slug}`]))
  })

  it('a scheduled article published by the jobs queue expires its pages', async () => {
    const article = await payload.create({
      ...sys,
      collection: 'articles',
      draft: true,
      data: articleData(category.id, author.id, { _status: 'draft', workflowState: 'approved' }),
    })
    await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { workflowState: 'scheduled', scheduledAt: new Date(Date.now() + 300).toISOString() },
    })
    revalidateTag.mockClear()
    await new Promise((r) => setTimeout(r, 400))
    await payload.jobs.run({ queue: 'scheduled' })
    expect(expired()).toEqual(expect.arrayContaining(['article-lists', `article:${article.slug}`]))
  })

  it('a draft that was never published touches no public page', async () => {
    await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, { _status: 'draft' }),
      draft: true,
    })
    expect(revalidateTag).not.toHaveBeenCalled()
  })

  it('approving a review expires the agent, its reviews and the articles featuring it', async () => {
    const featuring = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, {
        _status: 'published',
        body: lexical(paragraph('比較'), blockNode('agentCard', { agent: agent.id })),
      }),
    })
    const unrelated = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, { _status: 'published' }),
    })
    const review = await payload.create({
      ...sys,
      collection: 'reviews',
      data: reviewData(agent.id),
    })
    revalidateTag.mockClear()

    await payload.update({
      ...sys,
      collection: 'reviews',
      id: review.id,
      data: { status: 'approved' },
    })
    const tags = expired()
    expect(tags).toEqual(
      expect.arrayContaining([
        `agent:${agent.slug}`,
        `agent-reviews:${agent.id}`,
        'agent-lists',
        `article:${featuring.slug}`,
      ]),
    )
    expect(tags).not.toContain(`article:${unrelated.slug}`)
  })

  it('pausing an affiliate link expires the pages of its agent', async () => {
    const link = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: linkData(agent.id),
    })
    revalidateTag.mockClear()
    await payload.update({
      ...sys,
      collection: 'affiliate-links',
      id: link.id,
      data: { status: 'paused' },
    })
    expect(expired()).toEqual(expect.arrayContaining([`agent:${agent.slug}`, 'agent-lists']))
  })

  it('site settings and categories expire what shows them', async () => {
    await payload.updateGlobal({ ...sys, slug: 'site-settings', data: SITE_SETTINGS })
    expect(expired()).toContain('settings')
    revalidateTag.mockClear()
    await payload.update({
      ...sys,
      collection: 'categories',
      id: category.id,
      data: { name: '名前変更' },
    })
    expect(expired()).toEqual(expect.arrayContaining(['categories', 'article-lists']))
  })

  it('the seed and other callers can opt out with context.disableRevalidate', async () => {
    await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, { _status: 'published' }),
      context: { disableRevalidate: true },
    })
    expect(revalidateTag).not.toHaveBeenCalled()
  })
})
