// The API guard as strangers meet it: REST requests through the site's /api route handler
// (tests/helpers/rest.ts) and GraphQL queries through Payload's schema, anonymous and as staff.
// Each shape issue 24 timed on the large archive is refused with a 400 and its message; the
// queries the admin's lists send still answer.
import { configToSchema } from '@payloadcms/graphql'
import config from '@payload-config'
import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { REFUSED_SHAPES, STAFF_LIST_QUERIES } from '@/tests/helpers/apiQueryShapes'
import {
  articleData,
  createAgent,
  createCategory,
  createUser,
  reviewData,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'
import { rest } from '@/tests/helpers/rest'

let payload: Payload
let editor: User
let editorToken: string
let agentId: number | string

/** An article with three steps of workflow history (review requested, sent back, again). */
async function articleWithHistory(status: 'draft' | 'published' = 'draft') {
  const sys = { overrideAccess: true as const, depth: 0 }
  const category = await createCategory(payload)
  const author = await createUser(payload, 'writer')
  const article = await payload.create({
    ...sys,
    collection: 'articles',
    data: articleData(category.id, author.id, { _status: status }),
  })
  for (const to of ['in_review', 'draft', 'in_review'] as const) {
    await payload.create({
      ...sys,
      collection: 'article-transitions',
      data: { article: article.id, from: to === 'in_review' ? 'draft' : 'in_review', to },
    } as never)
  }
  return article.id
}

const PASSWORD = 'editor-guard-test-2026'

beforeAll(async () => {
  payload = await getTestPayload()
  const sys = { overrideAccess: true as const, depth: 0 }
  agentId = (await createAgent(payload)).id
  for (const helpfulCount of [3, 1, 2]) {
    await payload.create({
      ...sys,
      collection: 'reviews',
      data: reviewData(agentId, { status: 'approved', helpfulCount }),
    })
  }
  editor = await createUser(payload, 'editor')
  await payload.update({
    ...sys,
    collection: 'users',
    id: editor.id,
    data: { password: PASSWORD },
  })
  const login = await payload.login({
    collection: 'users',
    data: { email: editor.email, password: PASSWORD },
  })
  editorToken = login.token!
})

const TO_SEARCH = 'は使えません: 文章を探すときはサイトの検索(/search)をご利用ください。'

describe('the API guard for visitors', () => {
  it.each(REFUSED_SHAPES)('refuses %s with a 400 and says why', async (query, message) => {
    const { status, body } = await rest(query)
    expect(status).toBe(400)
    expect(body.errors?.map((e) => e.message)).toEqual([message])
  })

  it('answers what an index answers', async () => {
    const within = await rest(
      `reviews?where[agent][equals]=${agentId}&sort=-helpfulCount&limit=2&depth=0`,
    )
    expect(within.status).toBe(200)
    expect(within.body.docs!.map((d) => (d as { helpfulCount: number }).helpfulCount)).toEqual([
      3, 2,
    ])
    const rating = await rest(
      `reviews?where[agent][equals]=${agentId}&where[status][equals]=approved&sort=-rating&depth=0`,
    )
    expect(rating.status).toBe(200)
    expect(rating.body.docs).toHaveLength(3)
    expect((await rest('reviews?sort=-helpfulCount&limit=50&page=40')).status).toBe(200)
  })

  it('holds GraphQL to the same rules', async () => {
    // the collection's query resolver, as Payload's GraphQL handler calls it once the request
    // has passed graphqlLimits
    const { schema } = configToSchema(await config)
    const reviews = schema.getQueryType()!.getFields().Reviews!.resolve!
    const ask = async (args: Record<string, unknown>, user?: User) =>
      reviews(
        {},
        args,
        { req: await createLocalReq({ req: { payloadAPI: 'GraphQL' }, user }, payload) },
        {} as never,
      ) as Promise<{ totalDocs: number }>
    await expect(ask({ where: { body: { like: 'の' } }, limit: 1 })).rejects.toMatchObject({
      status: 400,
      message: `検索条件 body[like] ${TO_SEARCH}`,
    })
    await expect(ask({ sort: '-helpfulCount', limit: 100, page: 9000 })).rejects.toMatchObject({
      status: 400,
      message: '2,000件より先のページは取得できません。検索条件(where)で絞り込んでください。',
    })
    const staff = await ask({ where: { body: { like: '担当者' } }, sort: '-rating' }, editor)
    expect(staff.totalDocs).toBeGreaterThanOrEqual(3)
  })
})

describe('the API guard for staff', () => {
  it("keeps the admin's list queries: search, filters, any column's sort, deep pages", async () => {
    for (const query of [
      ...STAFF_LIST_QUERIES,
      'reviews?depth=0&limit=10&where[body][like]=担当者',
      'reviews?depth=0&limit=100&page=9000&sort=-helpfulCount',
    ]) {
      const { status, body } = await rest(query, editorToken)
      expect(status, `${query}: ${JSON.stringify(body.errors)}`).toBe(200)
    }
    const found = await rest('reviews?depth=0&limit=10&where[body][like]=担当者', editorToken)
    expect(found.body.docs!.length).toBeGreaterThanOrEqual(3)
  })

  it('holds joined rows to a page of at most JOIN_LIMIT and checks their where', async () => {
    const article = await articleWithHistory()
    const asked = async (joins: string) => rest(`articles/${article}?depth=1&${joins}`, editorToken)
    const page = await asked('joins[history][limit]=2')
    expect(page.status, JSON.stringify(page.body.errors)).toBe(200)
    const history = (page.body as { history?: { docs: unknown[]; hasNextPage: boolean } }).history
    expect(history?.docs).toHaveLength(2)
    expect(history?.hasNextPage).toBe(true)
    const refused: [string, string][] = [
      [
        'joins[history][limit]=0',
        'joins[history][limit] は1から100までの整数で指定してください(指定: 0)。',
      ],
      [
        'joins[history][limit]=100000',
        'joins[history][limit] は1から100までの整数で指定してください(指定: 100000)。',
      ],
      [
        'joins[history][page]=-1',
        'joins[history] の page は1以上100,000以下の整数で指定してください。',
      ],
      ['joins[nothing][limit]=5', 'joins の nothing はこのコレクションの結合項目ではありません。'],
    ]
    for (const [joins, message] of refused) {
      const { status, body } = await asked(joins)
      expect(status, joins).toBe(400)
      expect(
        body.errors?.map((e) => e.message),
        joins,
      ).toEqual([message])
    }
    const unknownPath = await asked('joins[history][where][nosuch][equals]=1')
    expect(unknownPath.status).toBe(400)
    expect(String(unknownPath.body.errors?.[0]?.message)).toContain('nosuch')
    const filtered = await asked(
      `joins[history][where][to][equals]=in_review&joins[history][limit]=10`,
    )
    expect(filtered.status, JSON.stringify(filtered.body.errors)).toBe(200)
  })
})

describe('joined rows for visitors', () => {
  it('are never read: the public pages have them through the server’s own code', async () => {
    const article = await articleWithHistory('published')
    const { status, body } = await rest(`articles/${article}?depth=1&joins[history][limit]=100000`)
    expect(status).toBe(200)
    expect((body as { history?: unknown }).history).toBeUndefined()
    const list = await rest(`articles?depth=1&limit=1&joins[history][where][comment][like]=a`)
    expect(list.status).toBe(200)
    expect(list.body.docs?.[0]?.history).toBeUndefined()
  })
})
