// The collection hooks expire exactly the cache tags of the pages a change shows on: every
// assertion compares the whole set of expired tags, so expiring too much fails as surely as
// expiring too little. Each test makes its own agents and articles, so earlier tests' pages
// never show what a test changes.
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

import type { Agent, Article, Category, User } from '@/payload-types'
import {
  articleData,
  blockNode,
  createAgent,
  createCategory,
  createUser,
  lexical,
  linkData,
  linkNode,
  paragraph,
  pngFile,
  reviewData,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'
import { showsTags, type DependencyKind } from '@/lib/dependents'
import { SITE_SETTINGS } from '@/scripts/seed/data/people'

const sys = { overrideAccess: true as const, depth: 0 }
let payload: Payload
let category: Category
let author: User

/** The tags expired since the last reset, each once, sorted. */
const expired = () => [...new Set(revalidateTag.mock.calls.map(([tag]) => tag as string))].sort()
const exactly = (...tags: string[]) => [...new Set(tags)].sort()
const reset = () => {
  revalidateTag.mockClear()
  revalidatePath.mockClear()
}

/** The tag of the test category's list of articles (its pages). */
const inCategory = (id: Category['id'] = category.id) => `article-list:category:${id}`

// an agent's change also expires every page that shows it, through its one `shows:` tag
const agentTags = (agent: Agent) => [
  `agent:${agent.slug}`,
  `agent-reviews:${agent.id}`,
  'agent-lists',
  shows('agents', agent.id),
]

const shows = (kind: DependencyKind, id: string | number) => `shows:${kind}:${id}`

/**
 * The tags an article's page is cached under (lib/queries/articles.ts getArticleBySlug): its own,
 * the categories', and a `shows:` tag for each document it shows, from what its save stored.
 */
async function pageTags(article: Article) {
  const stored = await payload.findByID({ ...sys, collection: 'articles', id: article.id })
  return [`article:${stored.slug}`, 'categories', ...showsTags(stored.dependsOn)]
}

/** An article's own page, and the pages that show it (a link to it, a related-articles list). */
const ownTags = (article: Article) => [`article:${article.slug}`, shows('articles', article.id)]

/** Whether a change expired the article's page: one of its tags was expired. */
const expiresPage = async (article: Article) =>
  (await pageTags(article)).some((tag) => expired().includes(tag))

async function publish(body: Article['body'], extra: Record<string, unknown> = {}) {
  return payload.create({
    ...sys,
    collection: 'articles',
    data: articleData(category.id, author.id, { _status: 'published', body, ...extra }),
  })
}

const touchAgent = (agent: Agent) =>
  payload.update({
    ...sys,
    collection: 'agents',
    id: agent.id,
    data: { catchCopy: '新しいキャッチコピー' },
  })

beforeAll(async () => {
  // hooks only revalidate inside a Next server; pretend to be one
  process.env.NEXT_RUNTIME = 'nodejs'
  payload = await getTestPayload()
  category = await createCategory(payload)
  author = await createUser(payload, 'editor')
})
afterAll(() => {
  delete process.env.NEXT_RUNTIME
})
beforeEach(reset)

describe('articles', () => {
  // the feed and the sitemap read the site-wide listings ('article-lists'): no path of their own
  it('publishing expires exactly its page and the listings, and no path besides', async () => {
    const article = await publish(lexical(paragraph('本文')))
    expect(expired()).toEqual(exactly('article-lists', inCategory(), ...ownTags(article)))
    expect(revalidateTag).toHaveBeenCalledWith(`article:${article.slug}`, { expire: 0 })
    expect(revalidatePath).not.toHaveBeenCalled()

    reset()
    const renamed = await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { slug: `${article.slug}-new` },
    })
    // the old address now redirects (plugins/index.ts), so the redirects expire too
    expect(expired()).toEqual(
      exactly(
        'article-lists',
        inCategory(),
        ...ownTags(article),
        `article:${renamed.slug}`,
        'redirects',
      ),
    )
  })

  it('unpublishing and deleting expire the page and the listings', async () => {
    const article = await publish(lexical(paragraph('本文')))
    reset()
    await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { _status: 'draft', workflowState: 'draft' },
    })
    expect(expired()).toEqual(exactly('article-lists', inCategory(), ...ownTags(article)))
    expect(revalidatePath).not.toHaveBeenCalled()

    await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { _status: 'published' },
    })
    reset()
    await payload.delete({ ...sys, collection: 'articles', id: article.id })
    expect(expired()).toEqual(exactly('article-lists', inCategory(), ...ownTags(article)))
  })

  it('an article scheduled and published by the jobs queue expires its pages', async () => {
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
    reset()
    await new Promise((r) => setTimeout(r, 400))
    await payload.jobs.run({ queue: 'scheduled' })
    expect(expired()).toEqual(exactly('article-lists', inCategory(), ...ownTags(article)))
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

  it('expires the lists of its categories and featured agents, before and after, and no other', async () => {
    const [moved, untouched] = [await createCategory(payload), await createCategory(payload)]
    const [agent, other] = [await createAgent(payload), await createAgent(payload)]
    const article = await publish(
      lexical(blockNode('agentComparison', { agents: [agent.id, other.id] })),
    )
    reset()
    await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { categories: [moved.id] },
    })
    expect(expired()).toEqual(
      exactly(
        'article-lists',
        inCategory(),
        inCategory(moved.id),
        `article-list:agent:${agent.id}`,
        `article-list:agent:${other.id}`,
        ...ownTags(article),
      ),
    )
    expect(expired()).not.toContain(inCategory(untouched.id))
  })

  it('an article’s change expires the articles that link to it or list it as related', async () => {
    const target = await publish(lexical(paragraph('リンク先')))
    const linking = await publish(
      lexical({
        ...paragraph(''),
        children: [
          {
            ...linkNode('', 'こちら'),
            fields: { linkType: 'internal', doc: { relationTo: 'articles', value: target.id } },
          },
        ],
      }),
    )
    const relating = await publish(lexical(paragraph('関連')), { relatedArticles: [target.id] })
    const unrelated = await publish(lexical(paragraph('無関係')))
    reset()
    await payload.update({
      ...sys,
      collection: 'articles',
      id: target.id,
      data: { title: '新しいタイトル' },
    })
    const changed = exactly(
      'article-lists',
      inCategory(),
      `article:${target.slug}`,
      shows('articles', target.id),
    )
    expect(expired()).toEqual(changed)
    expect(await expiresPage(linking)).toBe(true)
    expect(await expiresPage(relating)).toBe(true)
    expect(await expiresPage(unrelated)).toBe(false)
    // read before the delete, while the references to it are still stored
    const [linkingTags, relatingTags] = [await pageTags(linking), await pageTags(relating)]
    reset()
    await payload.delete({ ...sys, collection: 'articles', id: target.id })
    expect(expired()).toEqual(changed)
    expect(linkingTags).toContain(shows('articles', target.id))
    expect(relatingTags).toContain(shows('articles', target.id))
  })
})

describe('each block that shows another document makes the page depend on it', () => {
  it('agent card: its agent and its own link', async () => {
    const agent = await createAgent(payload)
    const other = await createAgent(payload)
    const ownLink = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: linkData(other.id),
    })
    const article = await publish(
      lexical(blockNode('agentCard', { agent: agent.id, link: ownLink.id })),
    )
    reset()
    await touchAgent(agent)
    expect(expired()).toEqual(exactly(...agentTags(agent)))
    expect(await expiresPage(article)).toBe(true)
    reset()
    await payload.update({
      ...sys,
      collection: 'affiliate-links',
      id: ownLink.id,
      data: { status: 'paused' },
    })
    expect(expired()).toEqual(exactly(...agentTags(other), shows('links', ownLink.id)))
    expect(await expiresPage(article)).toBe(true)
  })

  it('agent comparison: every agent in the table', async () => {
    const [a, b] = [await createAgent(payload), await createAgent(payload)]
    const article = await publish(lexical(blockNode('agentComparison', { agents: [a.id, b.id] })))
    reset()
    await touchAgent(b)
    expect(expired()).toEqual(exactly(...agentTags(b)))
    expect(await expiresPage(article)).toBe(true)
  })

  it('review excerpt: rejecting, editing or deleting the quoted review', async () => {
    const agent = await createAgent(payload)
    const review = await payload.create({
      ...sys,
      collection: 'reviews',
      data: reviewData(agent.id, { status: 'approved' }),
    })
    const quoting = await publish(lexical(blockNode('reviewExcerpt', { review: review.id })))
    // the review's own tag, and the agent's: the agent's figures count the review; while it is
    // or was published, the sitemap's review files too
    const expected = exactly(...agentTags(agent), shows('reviews', review.id))
    const published = exactly(...expected, 'review-lists')
    expect(await pageTags(quoting)).toEqual(
      expect.arrayContaining([shows('reviews', review.id), shows('agents', agent.id)]),
    )

    reset()
    await payload.update({
      ...sys,
      collection: 'reviews',
      id: review.id,
      data: { title: '書き直した口コミ' },
    })
    expect(expired()).toEqual(published)
    reset()
    await payload.update({
      ...sys,
      collection: 'reviews',
      id: review.id,
      data: { status: 'rejected', rejectionCategory: 'guidelines' },
    })
    expect(expired()).toEqual(published)
    reset()
    await payload.delete({ ...sys, collection: 'reviews', id: review.id })
    expect(expired()).toEqual(expected)
    // and the agent's own changes reach the quoting page too (the excerpt names the agent)
    reset()
    await touchAgent(agent)
    expect(expired()).toEqual(exactly(...agentTags(agent)))
  })

  it('a /go/ link in the text: its link', async () => {
    const agent = await createAgent(payload)
    const link = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: linkData(agent.id),
    })
    const article = await publish(
      lexical({ ...paragraph(''), children: [linkNode(`/go/${link.slug}`, '公式サイト')] }),
    )
    reset()
    await payload.update({
      ...sys,
      collection: 'affiliate-links',
      id: link.id,
      data: { status: 'paused' },
    })
    expect(expired()).toEqual(exactly(...agentTags(agent), shows('links', link.id)))
    expect(await expiresPage(article)).toBe(true)
  })

  it('images: the hero image of an article and an agent’s logo', async () => {
    const hero = await payload.create({
      ...sys,
      collection: 'media',
      data: { alt: '図' },
      file: await pngFile(),
    })
    const article = await publish(lexical(paragraph('画像つき')), { heroImage: hero.id })
    reset()
    await payload.update({ ...sys, collection: 'media', id: hero.id, data: { alt: '新しい説明' } })
    expect(expired()).toEqual(exactly(shows('media', hero.id)))
    expect(await expiresPage(article)).toBe(true)
    reset()
    await payload.delete({ ...sys, collection: 'media', id: hero.id })
    expect(expired()).toEqual(exactly(shows('media', hero.id)))

    const logo = await payload.create({
      ...sys,
      collection: 'media',
      data: { alt: 'ロゴ' },
      file: await pngFile(),
    })
    const agent = await payload.update({
      ...sys,
      collection: 'agents',
      id: (await createAgent(payload)).id,
      data: { logo: logo.id },
    })
    const card = await publish(lexical(blockNode('agentCard', { agent: agent.id })))
    reset()
    await payload.update({ ...sys, collection: 'media', id: logo.id, data: { alt: '新ロゴ' } })
    expect(expired()).toEqual(exactly(...agentTags(agent), shows('media', logo.id)))
    expect(await expiresPage(card)).toBe(true)
  })

  it('callouts and FAQs show no other document: an agent change leaves their page alone', async () => {
    const agent = await createAgent(payload)
    const article = await publish(
      lexical(
        blockNode('callout', { tone: 'point', body: agent.name }),
        blockNode('faq', { items: [{ question: agent.name, answer: 'はい' }] }),
      ),
    )
    reset()
    await touchAgent(agent)
    expect(expired()).toEqual(exactly(...agentTags(agent)))
    expect(await expiresPage(article)).toBe(false)
  })
})

describe('agents, reviews, settings and categories', () => {
  it('a reader’s new review, still waiting, expires only the agent’s review data', async () => {
    const agent = await createAgent(payload)
    const featuring = await publish(
      lexical(paragraph('比較'), blockNode('agentCard', { agent: agent.id })),
    )
    reset()
    const review = await payload.create({
      ...sys,
      collection: 'reviews',
      data: reviewData(agent.id),
    })
    // a review no page quotes yet: its own tag is on no page
    expect(expired()).toEqual(exactly(`agent-reviews:${agent.id}`, shows('reviews', review.id)))
    expect(await expiresPage(featuring)).toBe(false)
    // rejecting it changes the counts under the reviews, nothing the agent's figures show
    reset()
    await payload.update({
      ...sys,
      collection: 'reviews',
      id: review.id,
      data: { status: 'rejected', rejectionCategory: 'spam' },
    })
    expect(expired()).toEqual(exactly(`agent-reviews:${agent.id}`, shows('reviews', review.id)))
    expect(await expiresPage(featuring)).toBe(false)
  })

  it('approving a review expires the agent, its reviews and the articles featuring it', async () => {
    const agent = await createAgent(payload)
    const featuring = await publish(
      lexical(paragraph('比較'), blockNode('agentCard', { agent: agent.id })),
    )
    const unrelated = await publish(lexical(paragraph('無関係')))
    const review = await payload.create({
      ...sys,
      collection: 'reviews',
      data: reviewData(agent.id),
    })
    reset()
    await payload.update({
      ...sys,
      collection: 'reviews',
      id: review.id,
      data: { status: 'approved' },
    })
    expect(expired()).toEqual(
      exactly(...agentTags(agent), shows('reviews', review.id), 'review-lists'),
    )
    expect(await expiresPage(featuring)).toBe(true)
    expect(await expiresPage(unrelated)).toBe(false)
  })

  it('pausing an affiliate link expires the pages of its agent', async () => {
    const agent = await createAgent(payload)
    const link = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: linkData(agent.id),
    })
    reset()
    await payload.update({
      ...sys,
      collection: 'affiliate-links',
      id: link.id,
      data: { status: 'paused' },
    })
    expect(expired()).toEqual(exactly(...agentTags(agent), shows('links', link.id)))
  })

  it('site settings and categories expire what shows them', async () => {
    await payload.updateGlobal({ ...sys, slug: 'site-settings', data: SITE_SETTINGS })
    expect(expired()).toEqual(['settings'])
    reset()
    await payload.update({
      ...sys,
      collection: 'categories',
      id: category.id,
      data: { name: '名前変更' },
    })
    expect(expired()).toEqual(exactly('categories', 'article-lists'))
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
