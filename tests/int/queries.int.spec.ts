import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import {
  getAgentBySlug,
  getApprovedReviews,
  getReviewSitemapDates,
  getReviewSitemapFile,
} from '@/lib/queries/agents'
import { getRedirectTarget, resolveDestination } from '@/lib/queries/affiliateLinks'
import { getArticleBySlug, getArticleSitemapDates, getLatestArticles } from '@/lib/queries/articles'
import { searchArticles } from '@/lib/queries/search'
import { normalizeQuery } from '@/lib/search'
import type { AffiliateLink, Review } from '@/payload-types'
import {
  articleData,
  createAgent,
  createCategory,
  createUser,
  linkData,
  reviewData,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

const sys = { overrideAccess: true as const, depth: 0 }
let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

describe('review sitemap getters', () => {
  it("list published reviews' own pages, first submitted first, two a file, dated by their latest change", async () => {
    const agent = await createAgent(payload)
    // the first reviews by submission (earlier than any other test's); one is waiting
    const made: Review[] = []
    for (let i = 0; i < 5; i++) {
      made.push(
        await payload.create({
          ...sys,
          collection: 'reviews',
          data: reviewData(agent.id, {
            status: i === 2 ? 'pending' : 'approved',
            submittedAt: `2000-02-0${i + 1}T00:00:00.000Z`,
          }),
        }),
      )
    }
    const path = (i: number) => `/agents/${agent.slug}/reviews/${made[i]!.id}`
    expect((await getReviewSitemapFile(0, 2))?.map((r) => r.path)).toEqual([path(0), path(1)])
    expect((await getReviewSitemapFile(1, 2))?.map((r) => r.path)).toEqual([path(3), path(4)])
    const before = await getReviewSitemapDates(2, 2)
    expect(before[1]).toBe([made[3]!.updatedAt, made[4]!.updatedAt].sort().at(-1))

    // the waiting review is published: it takes its place in file 0, whose date moves
    await new Promise((resolve) => setTimeout(resolve, 5))
    const approved = await payload.update({
      ...sys,
      collection: 'reviews',
      id: made[2]!.id,
      data: { status: 'approved' },
    })
    expect((await getReviewSitemapFile(1, 2))?.map((r) => r.path)).toEqual([path(2), path(3)])
    const after = await getReviewSitemapDates(2, 2)
    expect(after[1]).toBe(approved.updatedAt)
    expect(after[0]).toBe(before[0])
  })
})

describe('article getters', () => {
  it('date each sitemap file by the latest change among its articles', async () => {
    const category = await createCategory(payload)
    const author = await createUser(payload, 'writer')
    // the first five articles by first publication (earlier than any other test's), two a file
    const made: { id: string | number }[] = []
    for (let i = 0; i < 5; i++) {
      made.push(
        await payload.create({
          ...sys,
          collection: 'articles',
          data: articleData(category.id, author.id, {
            _status: 'published',
            publishedAt: `2001-01-0${i + 1}T00:00:00.000Z`,
          }),
        }),
      )
    }
    const before = await getArticleSitemapDates(3, 2)
    // an edit of the second article (file 0) moves only file 0's date
    await new Promise((resolve) => setTimeout(resolve, 5))
    const edited = await payload.update({
      ...sys,
      collection: 'articles',
      id: made[1]!.id,
      data: { lead: 'サイトマップの日付を確かめるために書き直したリード文です。' },
    })
    const after = await getArticleSitemapDates(3, 2)
    expect(after[0]).toBe(edited.updatedAt)
    expect(Date.parse(after[0]!)).toBeGreaterThan(Date.parse(before[0]!))
    expect(after[1]).toBe(before[1])
    // file 1 is the third and fourth articles: its date is the later of their own
    const [third, fourth] = await Promise.all(
      [made[2]!, made[3]!].map((a) =>
        payload.findByID({ ...sys, collection: 'articles', id: a.id }),
      ),
    )
    expect(after[1]).toBe([third!.updatedAt, fourth!.updatedAt].sort().at(-1))
  })

  it('return published articles only, newest first', async () => {
    const category = await createCategory(payload)
    const author = await createUser(payload, 'writer')
    const older = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, {
        _status: 'published',
        publishedAt: '2026-01-01T00:00:00.000Z',
      }),
    })
    const newer = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, {
        _status: 'published',
        publishedAt: '2026-11-01T00:00:00.000Z',
      }),
    })
    const draft = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, { _status: 'draft' }),
      draft: true,
    })

    expect((await getArticleBySlug(newer.slug))?.id).toBe(newer.id)
    expect(await getArticleBySlug(draft.slug)).toBeNull()
    expect(await getArticleBySlug('no-such-article')).toBeNull()

    const { docs } = await getLatestArticles(1, 100)
    const ids = docs.map((d) => d.id)
    expect(ids).not.toContain(draft.id)
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id))
  })
})

describe('search', () => {
  it('matches every width of a word, in the title, the lead and the body alike', async () => {
    const category = await createCategory(payload)
    const author = await createUser(payload, 'writer')
    const tag = `Ｋ${Date.now()}` // a word no other article has, in full-width letters
    const fullWidth = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, {
        _status: 'published',
        title: `ＳａａＳ営業${tag}の年収`,
        lead: 'ｴｰｼﾞｪﾝﾄの選び方を解説します。',
      }),
    })
    const draft = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, {
        _status: 'draft',
        title: `ＳａａＳ${tag}下書き`,
      }),
      draft: true,
    })
    const found = async (raw: string) =>
      (await searchArticles(normalizeQuery(raw))).docs.map((doc) => doc.id)
    const key = tag.normalize('NFKC')
    for (const query of [`saas ${key}`, `ＳＡＡＳ ${tag}`, `SaaS ${key.toLowerCase()}`]) {
      expect(await found(query), query).toEqual([fullWidth.id])
    }
    // half-width katakana in the text, full-width in the query, and the other way round
    expect(await found(`エージェント ${key}`)).toEqual([fullWidth.id])
    expect(await found(`ｴｰｼﾞｪﾝﾄ ${key}`)).toEqual([fullWidth.id])
    expect(await found(`${key} 存在しない言葉`)).toEqual([])
    expect(await found(key)).not.toContain(draft.id)
  })
})

describe('agent getters', () => {
  it('page through approved reviews only, in the chosen order', async () => {
    const agent = await createAgent(payload)
    for (const [rating, status] of [
      [5, 'approved'],
      [2, 'approved'],
      [4, 'approved'],
      [1, 'pending'],
      [3, 'rejected'],
    ] as const) {
      await payload.create({
        ...sys,
        collection: 'reviews',
        data: reviewData(agent.id, {
          rating,
          status,
          rejectionCategory: status === 'rejected' ? 'spam' : null,
        }),
      })
    }
    expect((await getAgentBySlug(agent.slug))?.reviewCount).toBe(3)
    const highest = await getApprovedReviews(agent.id, 1, 'highest')
    expect(highest.docs.map((r) => r.rating)).toEqual([5, 4, 2])
    const lowest = await getApprovedReviews(agent.id, 1, 'lowest')
    expect(lowest.docs.map((r) => r.rating)).toEqual([2, 4, 5])
    const paged = await getApprovedReviews(agent.id, 2, 'highest', 2)
    expect(paged.docs.map((r) => r.rating)).toEqual([2])
    expect(paged.totalPages).toBe(2)
  })
})

describe('affiliate redirect', () => {
  const link = (over: Partial<AffiliateLink>) =>
    ({
      id: 1,
      slug: 's',
      destinationUrl: 'https://dest.example/',
      fallbackUrl: 'https://fallback.example/',
      activeFrom: null,
      activeUntil: null,
      ...over,
    }) as AffiliateLink
  const now = new Date('2026-06-15T00:00:00Z')

  it('follows the schedule and falls back outside it', () => {
    expect(resolveDestination(link({}), now)?.url).toBe('https://dest.example/')
    expect(
      resolveDestination(
        link({ activeFrom: '2026-06-01T00:00:00Z', activeUntil: '2026-07-01T00:00:00Z' }),
        now,
      )?.url,
    ).toBe('https://dest.example/')
    expect(resolveDestination(link({ activeUntil: '2026-06-01T00:00:00Z' }), now)?.url).toBe(
      'https://fallback.example/',
    )
    expect(resolveDestination(link({ activeFrom: '2026-07-01T00:00:00Z' }), now)?.url).toBe(
      'https://fallback.example/',
    )
    expect(
      resolveDestination(link({ activeUntil: '2026-06-01T00:00:00Z', fallbackUrl: null }), now),
    ).toBeNull()
  })

  it('finds active links by slug and nothing for paused or unknown ones', async () => {
    const agent = await createAgent(payload)
    const active = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: linkData(agent.id),
    })
    const paused = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: { ...linkData(agent.id), status: 'paused' },
    })
    expect((await getRedirectTarget(active.slug))?.url).toBe(active.destinationUrl)
    expect(await getRedirectTarget(paused.slug)).toBeNull()
    expect(await getRedirectTarget('missing-link')).toBeNull()
  })
})
