// The search store on MongoDB (lib/searchIndex/mongo.ts) answers as the FTS5 store does,
// against CongoDB (a MongoDB-wire-compatible server in memory, from @push.rocks/smartmongo; no
// MongoDB server can be installed on the team's machines). It proves the code path, not
// MongoDB's index use.
import mongoose from 'mongoose'
import { afterAll, beforeAll } from 'vitest'

import { mongoSearchStore } from '@/lib/searchIndex/mongo'
import { searchStoreCases } from '@/tests/helpers/searchStoreCases'
import { startCongo } from '@/tests/helpers/congo'

let server: Awaited<ReturnType<typeof startCongo>>
let uri: string
let n = 0
const connections: mongoose.Connection[] = []

beforeAll(async () => {
  server = await startCongo()
  uri = server.uri
}, 30_000)

afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()))
  await server?.stop()
})

searchStoreCases('MongoDB', async () => {
  const connection = await mongoose
    .createConnection(`${uri}/career-search-${++n}?serverMonitoringMode=poll`)
    .asPromise()
  connections.push(connection)
  return mongoSearchStore(connection)
})
