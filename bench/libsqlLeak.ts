// npm run bench:libsql: does the SQLite driver give memory back? Each driver measured alone
// in this process (no site, no Payload), on a scratch database:
//   1. libsql (the driver @payloadcms/db-sqlite ships with): one statement prepared once and
//      run BENCH_RUNS times (default 200,000);
//   2. the same query through @libsql/client, which prepares it on every execute;
//   3. the same query through the site's client (lib/sqliteClient.ts, better-sqlite3), with
//      a different SQL text every 100 runs so that its statement cache also turns over;
// and the RSS growth of each after a full garbage collection (run with --expose-gc, as the
// npm script does). A driver without a leak grows by a few MB at most, whatever the count.
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'

import { createSqliteClient } from '../lib/sqliteClient'

const RUNS = Number(process.env.BENCH_RUNS || 200_000)
const SQL = 'SELECT id, a, b FROM t WHERE id = ? AND a = ? AND b = ?'

type Statement = { all(args: unknown[]): unknown[] }
type Database = { new (file: string): { prepare(sql: string): Statement; close(): void } }
// the libsql package the client itself loads
const require = createRequire(import.meta.url)
const Libsql = require(
  require.resolve('libsql', { paths: [path.dirname(require.resolve('@libsql/client'))] }),
) as Database

const rssMB = () => {
  ;(globalThis as { gc?: () => void }).gc?.()
  return Math.round(process.memoryUsage().rss / 1048576)
}

const dir = mkdtempSync(path.join(tmpdir(), 'libsql-leak-'))
const file = path.join(dir, 'leak.db')
const client = createClient({ url: `file:${file}` })
await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT)')
await client.execute("INSERT INTO t (a, b) VALUES ('x', 'y')")

const db = new Libsql(file)
const statement = db.prepare(SQL)
let before = rssMB()
for (let i = 0; i < RUNS; i++) statement.all([1, 'x', 'y'])
const reused = rssMB() - before
db.close()

before = rssMB()
for (let i = 0; i < RUNS; i++) await client.execute({ sql: SQL, args: [1, 'x', 'y'] })
const viaClient = rssMB() - before
client.close()

const site = createSqliteClient(`file:${file}`)
before = rssMB()
for (let i = 0; i < RUNS; i++) {
  // a new SQL text every 100 runs: cache misses, evictions and fresh prepares as well
  const sql = `${SQL} AND ${Math.floor(i / 100)} = ${Math.floor(i / 100)}`
  await site.execute({ sql, args: [1, 'x', 'y'] })
}
const viaSiteClient = rssMB() - before
site.close()
rmSync(dir, { recursive: true, force: true })

console.log(
  JSON.stringify(
    {
      runs: RUNS,
      rssGrowthMB: {
        oneStatementRunRepeatedly: reused,
        clientExecute: viaClient,
        siteClientExecute: viaSiteClient,
      },
      bytesPerRun: {
        oneStatementRunRepeatedly: Math.round((reused * 1048576) / RUNS),
        clientExecute: Math.round((viaClient * 1048576) / RUNS),
        siteClientExecute: Math.round((viaSiteClient * 1048576) / RUNS),
      },
    },
    null,
    2,
  ),
)
