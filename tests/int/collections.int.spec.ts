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
  linkData,
  linkNode,
  paragraph,
  pngFile,
  reviewData,
  unique,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'
import { runsOn } from '@/tests/helpers/testDatabase'

type Id = Article['id']
const sys = { overrideAccess: true as const, depth: 0 }

let payload: Payload
let users: Record<'admin' | 'editor' | 'writer' | 'marketer', User>
let categoryId: Id
let agentId: Id

/** The field paths a rejected save names, or [] when it was accepted. */
async function invalidFields(op: () => Promise<unknown>): Promise<string[]> {
  try {
    await op()
    return []
  } catch (error) {
    const data = (error as { data?: { errors?: { path: string }[] } }).data
    if (!data?.errors) throw error
    return data.errors.map((e) => e.path)
  }
}

beforeAll(async () => {
  payload = await getTestPayload()
  users = await createRoleUsers(payload)
  categoryId = (await createCategory(payload)).id
  agentId = (await createAgent(payload)).id
})

describe('slugs', () => {
  it.each(['PMO Guide', 'ピーエムオー', 'a--b', '-lead', 'trail-', 'x'.repeat(81), '../etc'])(
    'refuses the slug %j',
    async (slug) => {
      expect(
        await invalidFields(() =>
          payload.create({ ...sys, collection: 'categories', data: { name: 'n', slug } }),
        ),
      ).toContain('slug')
    },
  )

  it
    .runIf(
      runsOn(
        'unique-indexes',
        'a second document with a slug in use is refused by the unique index',
      ),
    )
    .each(['categories', 'agents', 'articles', 'affiliate-links'] as const)(
    '%s slugs are unique',
    async (collection) => {
      const slug = `dup-${unique()}`
      const make = () => {
        if (collection === 'categories')
          return payload.create({ ...sys, collection, data: { name: 'n', slug } })
        if (collection === 'agents')
          return payload.create({
            ...sys,
            collection,
            data: { name: 'n', slug, kind: 'job_change', catchCopy: 'c', description: 'd' },
          })
        if (collection === 'articles')
          return payload.create({
            ...sys,
            collection,
            data: articleData(categoryId, users.editor.id, { slug }),
          })
        return payload.create({ ...sys, collection, data: { ...linkData(agentId), slug } })
      }
      await make()
      expect(await invalidFields(make)).toContain('slug')
      const { totalDocs } = await payload.count({
        ...sys,
        collection,
        where: { slug: { equals: slug } },
      })
      expect(totalDocs).toBe(1)
    },
  )

  // a null or empty slug never reaches the unique index, which would let only one such document
  // exist on MongoDB (a unique sparse index skips missing fields, not null ones): drafts are
  // validated like published saves, so a draft without a slug is refused with the reason
  it.each([null, ''])('refuses a draft whose slug is %j, with the reason', async (slug) => {
    const error = await payload
      .create({
        ...sys,
        collection: 'articles',
        draft: true,
        data: {
          ...articleData(categoryId, users.writer.id),
          slug: slug as string,
          _status: 'draft',
        },
      })
      .then(
        () => null,
        (e: { data?: { errors?: { path: string; message: string }[] } }) => e,
      )
    expect(error?.data?.errors).toEqual([
      expect.objectContaining({ path: 'slug', message: 'スラッグを入力してください。' }),
    ])
  })
})

describe('reviews', () => {
  it.each([0, 6, 3.5, -1])('refuses rating %s', async (rating) => {
    expect(
      await invalidFields(() =>
        payload.create({ ...sys, collection: 'reviews', data: reviewData(agentId, { rating }) }),
      ),
    ).toContain('rating')
  })

  it('requires a body of at least 30 characters and a reason when rejected', async () => {
    expect(
      await invalidFields(() =>
        payload.create({
          ...sys,
          collection: 'reviews',
          data: reviewData(agentId, { body: '短い' }),
        }),
      ),
    ).toContain('body')
    expect(
      await invalidFields(() =>
        payload.create({
          ...sys,
          collection: 'reviews',
          data: reviewData(agentId, { status: 'rejected' }),
        }),
      ),
    ).toContain('rejectionCategory')
    // 「その他」 needs its reason written out
    expect(
      await invalidFields(() =>
        payload.create({
          ...sys,
          collection: 'reviews',
          data: reviewData(agentId, { status: 'rejected', rejectionCategory: 'other' }),
        }),
      ),
    ).toContain('rejectionReason')
    const ok = await payload.create({
      ...sys,
      collection: 'reviews',
      data: reviewData(agentId, {
        status: 'rejected',
        rejectionCategory: 'spam',
        rejectionReason: '宣伝目的のため',
      }),
    })
    expect(ok.status).toBe('rejected')
  })

  it('allows 回答しない for every attribute and refuses values outside the lists', async () => {
    const review = await payload.create({
      ...sys,
      collection: 'reviews',
      data: reviewData(agentId),
    })
    expect([review.ageBand, review.gender, review.industry, review.experienceYears]).toEqual([
      'no_answer',
      'no_answer',
      'no_answer',
      'no_answer',
    ])
    expect(
      await invalidFields(() =>
        payload.create({
          ...sys,
          collection: 'reviews',
          data: reviewData(agentId, { ageBand: '10s' }),
        }),
      ),
    ).toContain('ageBand')
  })

  it('keeps the agent’s rating aggregate equal to its approved reviews', async () => {
    const agent = await createAgent(payload)
    const add = (rating: number, status: string) =>
      payload.create({
        ...sys,
        collection: 'reviews',
        data: reviewData(agent.id, { rating, status }),
      })
    await add(5, 'approved')
    await add(4, 'approved')
    const pending = await add(1, 'pending')
    let current = await payload.findByID({ ...sys, collection: 'agents', id: agent.id })
    expect(current.reviewCount).toBe(2)
    expect(current.ratingAverage).toBe(4.5)
    expect(current.ratingDistribution).toMatchObject({ r1: 0, r4: 1, r5: 1 })

    await payload.update({
      ...sys,
      collection: 'reviews',
      id: pending.id,
      data: { status: 'approved' },
    })
    current = await payload.findByID({ ...sys, collection: 'agents', id: agent.id })
    expect(current.reviewCount).toBe(3)
    expect(current.ratingAverage).toBe(3.3)

    await payload.delete({ ...sys, collection: 'reviews', id: pending.id })
    current = await payload.findByID({ ...sys, collection: 'agents', id: agent.id })
    expect(current.reviewCount).toBe(2)
    expect(current.ratingDistribution?.r1).toBe(0)
  })
})

describe('affiliate links', () => {
  it.each([
    'javascript:alert(1)',
    'ftp://files.example/x',
    '/relative/path',
    'not a url',
    'data:text/html,x',
  ])('refuses destination %j', async (destinationUrl) => {
    expect(
      await invalidFields(() =>
        payload.create({
          ...sys,
          collection: 'affiliate-links',
          data: { ...linkData(agentId), destinationUrl },
        }),
      ),
    ).toContain('destinationUrl')
  })

  it('refuses a bad fallback and a schedule that ends before it starts', async () => {
    expect(
      await invalidFields(() =>
        payload.create({
          ...sys,
          collection: 'affiliate-links',
          data: { ...linkData(agentId), fallbackUrl: 'javascript:x' },
        }),
      ),
    ).toContain('fallbackUrl')
    expect(
      await invalidFields(() =>
        payload.create({
          ...sys,
          collection: 'affiliate-links',
          data: {
            ...linkData(agentId),
            activeFrom: '2026-05-01T00:00:00.000Z',
            activeUntil: '2026-04-01T00:00:00.000Z',
          },
        }),
      ),
    ).toContain('activeUntil')
  })
})

describe('media', () => {
  it('requires alt text and makes the three image sizes', async () => {
    expect(
      await invalidFields(async () =>
        payload.create({
          ...sys,
          collection: 'media',
          data: {} as { alt: string },
          file: await pngFile(),
        }),
      ),
    ).toContain('alt')
    const file = await pngFile()
    const { default: sharp } = await import('sharp')
    const big = await sharp({
      create: { width: 1600, height: 900, channels: 3, background: '#123456' },
    })
      .png()
      .toBuffer()
    const media = await payload.create({
      ...sys,
      collection: 'media',
      data: { alt: '青い画像' },
      file: { ...file, data: big, size: big.length },
    })
    expect(media.sizes?.og).toMatchObject({ width: 1200, height: 630 })
    expect(media.sizes?.card).toMatchObject({ width: 768, height: 432 })
    expect(media.sizes?.thumbnail).toMatchObject({ width: 400, height: 300 })
  })
})

describe('articles', () => {
  const create = (body: unknown, extra: Record<string, unknown> = {}) =>
    payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(categoryId, users.editor.id, { body, ...extra }),
    })

  it('computes the PR state from the content on every save', async () => {
    const plain = await create(lexical(paragraph('ただの本文')))
    expect(plain.promotional).toBe(false)
    const card = await create(lexical(blockNode('agentCard', { agent: agentId })))
    expect(card.promotional).toBe(true)
    const go = await create(
      lexical({ ...paragraph(''), children: [linkNode('/go/some-link', '公式サイト')] }),
    )
    expect(go.promotional).toBe(true)

    const edited = await payload.update({
      ...sys,
      collection: 'articles',
      id: plain.id,
      data: { body: lexical(blockNode('agentComparison', { agents: [agentId, agentId] })) },
    })
    expect(edited.promotional).toBe(true)
  })

  it('cannot be switched off on a promotional page, and a tie-up turns it on', async () => {
    const card = await create(lexical(blockNode('agentCard', { agent: agentId })))
    const forced = await payload.update({
      ...sys,
      collection: 'articles',
      id: card.id,
      data: { promotional: false },
    })
    expect(forced.promotional).toBe(true)
    const tieUp = await create(lexical(paragraph('提供記事')), {
      tieUp: true,
      sponsorName: '株式会社サンプル',
    })
    expect(tieUp.promotional).toBe(true)
  })

  it('requires a title, lead, body and at least one category', async () => {
    const fields = await invalidFields(() =>
      payload.create({
        ...sys,
        collection: 'articles',
        data: { slug: `x-${unique()}`, author: users.editor.id } as never,
      }),
    )
    expect(fields).toEqual(expect.arrayContaining(['title', 'lead', 'body', 'categories']))
  })

  it('shows readers the byline names but never the authors’ accounts', async () => {
    const published = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(categoryId, users.writer.id, {
        supervisor: users.editor.id,
        _status: 'published',
      }),
    })
    const read = await payload.findByID({
      collection: 'articles',
      id: published.id,
      overrideAccess: false,
      depth: 1,
    })
    expect(read.bylines?.map((b) => [b.role, b.name])).toEqual([
      ['author', users.writer.displayName],
      ['supervisor', users.editor.displayName],
    ])
    expect(JSON.stringify(read)).not.toContain(users.writer.email)
    expect(typeof read.author === 'object' && read.author !== null).toBe(false)
  })
})
