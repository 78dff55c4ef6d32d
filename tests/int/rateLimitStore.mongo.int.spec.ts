// The stored limiter on MongoDB: rate-limiter-flexible's Mongo store through the connection the
// mongoose adapter holds, on the MongoDB pass's server (npm run test:int:mongo: a mongod given by
// TEST_DATABASE_URI, or the in-memory stand-in).
import mongoose from 'mongoose'
import type { Payload } from 'payload'
import { afterAll, describe, expect, it } from 'vitest'

import { storedLimiter, takePoint } from '@/lib/rateLimitStore'
import { otherMongoDatabase, runsOn } from '@/tests/helpers/testDatabase'

const onMongo = runsOn('mongodb', 'the MongoDB store; it runs in the MongoDB pass')
const connections: mongoose.Connection[] = []

/** What storedLimiter reads from Payload: the adapter's name and its mongoose connection. */
async function payloadOnMongo(): Promise<Payload> {
  const connection = await mongoose.createConnection(otherMongoDatabase('limits')).asPromise()
  connections.push(connection)
  return { db: { name: 'mongoose', connection } } as unknown as Payload
}

afterAll(async () => {
  await connections[0]?.dropDatabase()
  await Promise.all(connections.map((c) => c.close()))
})

describe.runIf(onMongo)('stored limits on MongoDB', () => {
  const options = { keyPrefix: 'review-day', points: 5, duration: 24 * 60 * 60 }

  it('hold across processes and restarts: a limiter on another connection sees the same count', async () => {
    const first = storedLimiter(await payloadOnMongo(), options)
    for (let i = 0; i < 3; i++) expect(await takePoint(first, 'reader-a')).toBe(true)
    // another process (its own connection and limiter), or this one after a restart
    const second = storedLimiter(await payloadOnMongo(), options)
    expect((await second.get('reader-a'))?.consumedPoints).toBe(3)
    expect(await takePoint(second, 'reader-a')).toBe(true)
    expect(await takePoint(second, 'reader-a')).toBe(true)
    expect(await takePoint(first, 'reader-a')).toBe(false) // the sixth, from either, is refused
    expect(await takePoint(second, 'reader-b')).toBe(true) // other readers are untouched
  })

  it('let no more than the limit through when one reader sends many at once', async () => {
    const limiters = [
      storedLimiter(await payloadOnMongo(), options),
      storedLimiter(await payloadOnMongo(), options),
    ]
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => takePoint(limiters[i % 2], 'reader-c')),
    )
    expect(results.filter(Boolean)).toHaveLength(options.points)
  })
})
