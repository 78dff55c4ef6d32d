// The grouped outcome count's MongoDB side (lib/reviewOutcomeCounts.ts) against CongoDB, the
// in-memory stand-in (tests/helpers/congo.ts): the same rows as the SQLite side gives.
import mongoose from 'mongoose'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { countOutcomesSince } from '@/lib/reviewOutcomeCounts'
import { startCongo } from '@/tests/helpers/congo'

let server: Awaited<ReturnType<typeof startCongo>>
let connection: mongoose.Connection

beforeAll(async () => {
  server = await startCongo()
  connection = await mongoose
    .createConnection(`${server.uri}/career-outcomes?serverMonitoringMode=poll`)
    .asPromise()
}, 30_000)

afterAll(async () => {
  await connection?.close()
  await server?.stop()
})

describe('outcome counts on MongoDB', () => {
  it('group the reviews since a date by agent, rating and state', async () => {
    const reviews = connection.model(
      'reviews',
      new mongoose.Schema({
        agent: mongoose.Schema.Types.ObjectId,
        rating: Number,
        status: String,
        submittedAt: Date,
      }),
    )
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
})
