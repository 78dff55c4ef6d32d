// The grouped review counts' MongoDB side (lib/reviewCounts.ts) on the MongoDB pass's server
// (npm run test:int:mongo): the same answers as the SQLite side gives.
import mongoose from 'mongoose'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { aggregateCounts, aggregateReviews } from '@/lib/reviewAggregates'
import { countFigures, countOutcomesSince } from '@/lib/reviewCounts'
import { attributeKey } from '@/lib/reviewPrivacy'
import { otherMongoDatabase, runsOn } from '@/tests/helpers/testDatabase'

const onMongo = runsOn('mongodb', 'the MongoDB side; it runs in the MongoDB pass')
let connection: mongoose.Connection
// the fields the counts read, as Payload's mongoose adapter stores them
const reviewSchema = new mongoose.Schema({
  agent: mongoose.Schema.Types.ObjectId,
  rating: Number,
  status: String,
  submittedAt: Date,
  subRatings: { offers: Number, consultant: Number, proposal: Number, support: Number },
  ageBand: String,
  industry: String,
  experienceYears: String,
  attributeKey: String,
})
let reviews: mongoose.Model<mongoose.InferSchemaType<typeof reviewSchema>>

beforeAll(async () => {
  if (!onMongo) return
  connection = await mongoose.createConnection(otherMongoDatabase('outcomes')).asPromise()
  reviews = connection.model('reviews', reviewSchema)
}, 30_000)

afterAll(async () => {
  await connection?.dropDatabase()
  await connection?.close()
})

describe.runIf(onMongo)('outcome counts on MongoDB', () => {
  it('group the reviews since a date by agent, rating and state', async () => {
    const [a, b] = [new mongoose.Types.ObjectId(), new mongoose.Types.ObjectId()]
    const day = (n: number) => new Date(Date.UTC(2026, 10, n))
    await reviews.insertMany([
      { agent: a, rating: 5, status: 'approved', submittedAt: day(20) },
      { agent: a, rating: 5, status: 'approved', submittedAt: day(21) },
      { agent: a, rating: 1, status: 'rejected', submittedAt: day(22) },
      { agent: b, rating: 3, status: 'pending', submittedAt: day(23) },
      { agent: b, rating: 3, status: 'pending', submittedAt: day(1) },
    ])
    const payload = { db: { name: 'mongoose', collections: { reviews } } } as unknown as Payload
    const rows = await countOutcomesSince(payload, day(10))
    const key = (r: { agent: string; rating: number; status: string }) =>
      `${r.agent}/${r.rating}/${r.status}`
    expect(rows.sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
      [
        { agent: String(a), rating: 1, status: 'rejected', count: 1 },
        { agent: String(a), rating: 5, status: 'approved', count: 2 },
        { agent: String(b), rating: 3, status: 'pending', count: 1 },
      ].sort((x, y) => key(x).localeCompare(key(y))),
    )
    // one agent's, by the id as Payload gives it (a string)
    expect(await countOutcomesSince(payload, day(10), String(b))).toEqual([
      { agent: String(b), rating: 3, status: 'pending', count: 1 },
    ])
  })

  it("give an agent's figures as its approved reviews loaded one by one do", async () => {
    const agent = new mongoose.Types.ObjectId()
    const now = new Date('2026-12-01T00:00:00Z')
    const day = 86_400_000
    const input = Array.from({ length: 9 }, (_, i) => ({
      rating: (i % 5) + 1,
      submittedAt: new Date(now.getTime() - i * 90 * day).toISOString(),
      subRatings: { offers: i % 2 ? 4 : null, consultant: (i % 3) + 2 },
      ageBand: ['20s', '30s', 'no_answer'][i % 3]!,
      industry: ['it', 'finance'][i % 2]!,
      experienceYears: 'no_answer',
    }))
    await reviews.insertMany([
      ...input.map((review) => ({
        ...review,
        agent,
        status: 'approved',
        submittedAt: new Date(review.submittedAt),
        attributeKey: attributeKey(review),
      })),
      // neither another state nor another agent counts
      { agent, rating: 1, status: 'pending', submittedAt: now },
      { agent: new mongoose.Types.ObjectId(), rating: 1, status: 'approved', submittedAt: now },
    ])
    const payload = { db: { name: 'mongoose', collections: { reviews } } } as unknown as Payload
    const counted = aggregateCounts(
      await countFigures(payload, String(agent), new Date(now.getTime() - 365 * day)),
    )
    const expected = aggregateReviews(input, now)
    expect(counted).toEqual(expected)
    expect(counted.reviewCount).toBe(9)
  })
})
