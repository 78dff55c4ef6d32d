import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { seed } from '@/scripts/seed/index'
import { getTestPayload } from '@/tests/helpers/payload'

let payload: Payload

const counts = async () => {
  const collections = [
    'users',
    'categories',
    'agents',
    'affiliate-links',
    'reviews',
    'articles',
    'media',
  ] as const
  const entries = await Promise.all(
    collections.map(
      async (collection) =>
        [
          collection,
          (await payload.count({ collection, overrideAccess: true })).totalDocs,
        ] as const,
    ),
  )
  return Object.fromEntries(entries)
}

beforeAll(async () => {
  payload = await getTestPayload()
})

describe('demo seed', () => {
  it('creates the demo content once and nothing more when run again', async () => {
    await seed(payload)
    const first = await counts()
    const second = await seed(payload)
    expect(second).toEqual({
      users: 0,
      categories: 0,
      agents: 0,
      links: 0,
      reviews: 0,
      articles: 0,
    })
    expect(await counts()).toEqual(first)
  })

  it('has the content the demo promises', async () => {
    const sys = { overrideAccess: true as const, depth: 0 }
    const published = await payload.count({
      ...sys,
      collection: 'articles',
      where: { _status: { equals: 'published' } },
    })
    expect(published.totalDocs).toBeGreaterThanOrEqual(6)
    for (const slug of ['career-guide', 'job-change', 'freelance']) {
      expect(
        (
          await payload.count({
            ...sys,
            collection: 'categories',
            where: { slug: { equals: slug } },
          })
        ).totalDocs,
      ).toBe(1)
    }
    for (const kind of ['job_change', 'freelance', 'consulting']) {
      expect(
        (await payload.count({ ...sys, collection: 'agents', where: { kind: { equals: kind } } }))
          .totalDocs,
      ).toBeGreaterThan(0)
    }
    for (const status of ['approved', 'pending', 'rejected']) {
      expect(
        (
          await payload.count({
            ...sys,
            collection: 'reviews',
            where: { status: { equals: status } },
          })
        ).totalDocs,
      ).toBeGreaterThan(0)
    }
    expect(
      (await payload.count({ ...sys, collection: 'reviews' })).totalDocs,
    ).toBeGreaterThanOrEqual(40)
    const links = await payload.find({
      ...sys,
      collection: 'affiliate-links',
      limit: 500,
      pagination: false,
    })
    expect(new Set(links.docs.map((l) => l.asp)).size).toBeGreaterThanOrEqual(4)
    for (const role of ['admin', 'editor', 'writer', 'marketer']) {
      expect(
        (await payload.count({ ...sys, collection: 'users', where: { roles: { contains: role } } }))
          .totalDocs,
      ).toBeGreaterThan(0)
    }
    const settings = await payload.findGlobal({ ...sys, slug: 'site-settings' })
    expect(settings.licenceLine).toContain('許可番号')

    const guide = await payload.find({
      ...sys,
      collection: 'articles',
      where: { slug: { equals: 'pmo-suited-person' } },
    })
    expect(guide.docs[0]?.promotional).toBe(true)
    const plain = await payload.find({
      ...sys,
      collection: 'articles',
      where: { slug: { equals: 'resume-writing-basics' } },
    })
    expect(plain.docs[0]?.promotional).toBe(false)
  })

  it('lets each demo user log in with the documented password', async () => {
    const { DEMO_USERS } = await import('@/scripts/seed/data/people')
    for (const user of DEMO_USERS) {
      const result = await payload.login({
        collection: 'users',
        data: { email: user.email, password: user.password },
      })
      expect(result.user?.roles).toEqual([...user.roles])
    }
  })

  it('derives each agent’s rating from its approved reviews', async () => {
    const sys = { overrideAccess: true as const, depth: 0 }
    const { docs: agents } = await payload.find({
      ...sys,
      collection: 'agents',
      limit: 500,
      pagination: false,
    })
    for (const agent of agents) {
      const { docs } = await payload.find({
        ...sys,
        collection: 'reviews',
        where: { and: [{ agent: { equals: agent.id } }, { status: { equals: 'approved' } }] },
        limit: 500,
        pagination: false,
      })
      expect(agent.reviewCount).toBe(docs.length)
      if (docs.length) {
        const mean = docs.reduce((sum, r) => sum + r.rating, 0) / docs.length
        expect(agent.ratingAverage).toBeCloseTo(mean, 1)
      }
    }
  })
})
