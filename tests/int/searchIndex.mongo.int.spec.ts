// The search store on MongoDB (lib/searchIndex/mongo.ts) answers as the FTS5 store does, on the
// MongoDB pass's server (npm run test:int:mongo: a mongod given by TEST_DATABASE_URI, or the
// in-memory stand-in, which proves the code path, not MongoDB's index use).
import mongoose from 'mongoose'
import { afterAll, describe } from 'vitest'

import { mongoSearchStore } from '@/lib/searchIndex/mongo'
import { mongoReviewSearchStore } from '@/lib/searchIndex/reviews/mongo'
import { reviewSearchStoreCases } from '@/tests/helpers/reviewSearchStoreCases'
import { searchStoreCases } from '@/tests/helpers/searchStoreCases'
import { otherMongoDatabase, runsOn } from '@/tests/helpers/testDatabase'

let n = 0
const connections: mongoose.Connection[] = []

afterAll(async () => {
  for (const connection of connections) await connection.dropDatabase()
  await Promise.all(connections.map((c) => c.close()))
})

describe.runIf(runsOn('mongodb', 'the MongoDB store; it runs in the MongoDB pass'))('', () => {
  searchStoreCases('MongoDB', async (limits) => {
    const connection = await mongoose
      .createConnection(otherMongoDatabase(`search-${++n}`))
      .asPromise()
    connections.push(connection)
    return mongoSearchStore(connection, limits)
  })
  reviewSearchStoreCases('MongoDB', async (limits) => {
    const connection = await mongoose
      .createConnection(otherMongoDatabase(`review-search-${++n}`))
      .asPromise()
    connections.push(connection)
    return mongoReviewSearchStore(connection, limits)
  })
})
