// A save runs in one transaction with every write its hooks make: when it fails part-way,
// nothing of it stays, and until it commits no reader sees any of it. Payload opens the
// transaction per operation (initTransaction) and ends it with commitTransaction or, when the
// operation throws, killTransaction; these tests drive the same calls around real saves.
//
// On SQLite this needs `transactionOptions` on the adapter (payload.config.ts): without it
// Payload's SQLite adapter runs every statement on its own and a failed save stayed half-done.
// The MongoDB stand-in acknowledges transactions but cannot roll them back, so these run on
// SQLite and on a real MongoDB replica set (TEST_DATABASE_URI).
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Agent, Category, User } from '@/payload-types'
import {
  articleData,
  createAgent,
  createCategory,
  createUser,
  reviewData,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'
import { runsOn } from '@/tests/helpers/testDatabase'

const sys = { overrideAccess: true as const, depth: 0 }
let payload: Payload
let editor: User
let category: Category
let agent: Agent

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await createUser(payload, 'editor')
  category = await createCategory(payload)
  agent = await createAgent(payload)
})

/** A request with a transaction of its own, as an operation opens one. */
async function inTransaction(): Promise<PayloadRequest> {
  const req = await createLocalReq({ user: editor }, payload)
  expect(await initTransaction(req)).toBe(true)
  expect(req.transactionID).toBeTruthy()
  return req
}

/** A published article saved inside the request's transaction (its hooks write there too). */
const createPublishedIn = (req: PayloadRequest) =>
  payload.create({
    ...sys,
    collection: 'articles',
    data: articleData(category.id, editor.id, { _status: 'published' }),
    req,
  })

const count = async (
  collection: 'articles' | 'article-listings' | 'review-decisions',
  where = {},
) => (await payload.count({ ...sys, collection, where })).totalDocs

describe.runIf(
  runsOn('transactions', 'the stand-in acknowledges a transaction but cannot roll it back'),
)('a save that fails part-way', () => {
  beforeAll(() => {
    // a MongoDB server that is not a replica set has no transactions (lib/mongoSettings.ts)
    expect(payload.db.transactionOptions, 'the database runs without transactions').not.toBe(false)
  })

  it('leaves no article, version or list row behind when its transaction is abandoned', async () => {
    const req = await inTransaction()
    const article = await createPublishedIn(req)
    const inside = { ...sys, req, where: { article: { equals: article.id } } }
    // the save's own hooks wrote the list row in the same transaction
    expect((await payload.count({ ...inside, collection: 'article-listings' })).totalDocs).toBe(1)
    await killTransaction(req)

    expect(await count('articles', { id: { equals: article.id } })).toBe(0)
    expect(await count('article-listings', { article: { equals: article.id } })).toBe(0)
    const versions = await payload.countVersions({
      ...sys,
      collection: 'articles',
      where: { parent: { equals: article.id } },
    })
    expect(versions.totalDocs).toBe(0)
  })

  it('undoes a moderation decision whole: the review waits, nothing is recorded, the agent keeps its figures', async () => {
    const review = await payload.create({
      ...sys,
      collection: 'reviews',
      data: reviewData(agent.id),
    })
    const before = await payload.findByID({ ...sys, collection: 'agents', id: agent.id })

    const req = await inTransaction()
    await payload.update({
      ...sys,
      collection: 'reviews',
      id: review.id,
      data: { status: 'approved' },
      req,
    })
    // inside the transaction the hooks' writes are there: the decision and the agent's figures
    const seenInside = await payload.findByID({ ...sys, collection: 'agents', id: agent.id, req })
    expect(seenInside.reviewCount).toBe((before.reviewCount ?? 0) + 1)
    await killTransaction(req)

    const stored = await payload.findByID({ ...sys, collection: 'reviews', id: review.id })
    expect(stored.status).toBe('pending')
    expect(await count('review-decisions', { review: { equals: review.id } })).toBe(0)
    const after = await payload.findByID({ ...sys, collection: 'agents', id: agent.id })
    expect(after.reviewCount).toBe(before.reviewCount)
    expect(after.ratingAverage).toBe(before.ratingAverage)
  })

  it('shows readers nothing of a save until it commits, then all of it', async () => {
    const req = await inTransaction()
    const article = await createPublishedIn(req)
    const byId = { id: { equals: article.id } }
    expect(await count('articles', byId)).toBe(0)
    expect(await count('article-listings', { article: { equals: article.id } })).toBe(0)
    await commitTransaction(req)

    expect(await count('articles', byId)).toBe(1)
    expect(await count('article-listings', { article: { equals: article.id } })).toBe(1)
  })
})

describe('operations that write outside their own transaction', () => {
  it('a forgot-password request stores its reset token (its reservation is written beside the transaction)', async () => {
    const user = await createUser(payload, 'writer')
    const token = await payload.forgotPassword({
      collection: 'users',
      data: { email: user.email },
      disableEmail: false,
    })
    expect(token).toBeTruthy()
    const stored = await payload.find({
      ...sys,
      collection: 'users',
      where: { id: { equals: user.id } },
      showHiddenFields: true,
    })
    expect(stored.docs[0]?.resetPasswordToken).toBe(token)
  })
})
