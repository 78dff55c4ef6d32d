import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import mongoose from 'mongoose'

import { startCongo } from './congo'

// Every test run gets its own database and upload folder, removed afterwards; the developer's
// data/ is never touched. The database is a throw-away SQLite file, or, when TEST_DATABASE_URI
// is given, a database of its own on MongoDB: a `mongodb://` URI names a server (the run
// creates and drops a database on it), `standin` starts the in-memory stand-in
// (tests/mongo/standin.mjs). TEST_DATABASE tells the tests which it is
// (tests/helpers/testDatabase.ts).
export default async function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'career-media-int-'))
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.PAYLOAD_SECRET ||= 'integration-tests-only-secret-0123456789abcdef'
  process.env.SITE_URL ||= 'http://localhost:3000'
  const wanted = process.env.TEST_DATABASE_URI?.trim()
  if (!wanted) {
    process.env.TEST_DATABASE = 'sqlite'
    process.env.DATABASE_URI = `file:${path.join(dir, 'test.db')}`
    return () => rmSync(dir, { recursive: true, force: true })
  }
  if (wanted !== 'standin' && !/^mongodb(\+srv)?:\/\//.test(wanted))
    throw new Error(
      `TEST_DATABASE_URI "${wanted.slice(0, 40)}" is not usable: a mongodb:// URI, standin, or unset for SQLite`,
    )
  const standin = wanted === 'standin' ? await startCongo() : undefined
  const server = new URL(standin?.uri ?? wanted)
  server.pathname = `/career-media-int-${randomBytes(4).toString('hex')}`
  // the stand-in answers the driver's streaming heartbeats badly; polling works on both
  if (standin) server.searchParams.set('serverMonitoringMode', 'poll')
  process.env.TEST_DATABASE = standin ? 'standin' : 'mongodb'
  process.env.DATABASE_URI = server.toString()
  // the stand-in's $lookup ignores pipelines (tests/mongo/standin.mjs)
  if (standin) process.env.MONGODB_JOIN_AGGREGATIONS = 'off'
  return async () => {
    if (standin) await standin.stop()
    else {
      const connection = await mongoose.createConnection(server.toString()).asPromise()
      await connection.dropDatabase()
      await connection.close()
    }
    rmSync(dir, { recursive: true, force: true })
  }
}
