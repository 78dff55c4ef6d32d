// The search index's reads, on a thread of their own (lib/searchIndex/sqliteReader.ts). The
// driver is synchronous: run on the server's main thread, a search that walks long posting
// lists held every other request, cached pages included, for as long as it ran. Plain
// JavaScript with better-sqlite3 only, so that Node loads it as it is, from the server that Next
// bundles and under tsx alike; every FTS5 query arrives already built.
import { parentPort, workerData } from 'node:worker_threads'

import Database from 'better-sqlite3'

const port = parentPort
if (!port) throw new Error('sqliteReader.worker.mjs runs as a worker thread')

const db = new Database(workerData.file, { readonly: true, fileMustExist: true })
db.pragma(`busy_timeout = ${Number(workerData.busyTimeoutMs)}`)

// the reader sends a handful of fixed statements; their FTS5 queries are parameters
const statements = new Map()

port.on('message', ({ id, sql, params }) => {
  try {
    let statement = statements.get(sql)
    if (!statement) statements.set(sql, (statement = db.prepare(sql)))
    port.postMessage({ id, rows: statement.all(...params) })
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
