// Which database the integration run is on (set by tests/helpers/globalSetup.ts): the throw-away
// SQLite file, a MongoDB server given by TEST_DATABASE_URI, or the in-memory stand-in.
export type TestDatabase = 'sqlite' | 'mongodb' | 'standin'

export const testDatabase = (process.env.TEST_DATABASE ?? 'sqlite') as TestDatabase

/** What a test may need of the database. */
type Need =
  | 'sqlite' // SQLite's own code or check (query plans, migrations, the backup file)
  | 'mongodb' // MongoDB's own code (a server or the stand-in)
  | 'unique-indexes' // a unique index refuses a duplicate: SQLite and MongoDB, not the stand-in
  | 'transactions' // an abandoned transaction is rolled back: SQLite and a MongoDB replica set

const met: Record<Need, (db: TestDatabase) => boolean> = {
  sqlite: (db) => db === 'sqlite',
  mongodb: (db) => db !== 'sqlite',
  'unique-indexes': (db) => db !== 'standin',
  transactions: (db) => db !== 'standin',
}

/** Whether tests that need `need` run on this run's database; when not, says why in the output. */
export function runsOn(need: Need, reason: string): boolean {
  const runs = met[need](testDatabase)
  if (!runs) console.warn(`skipped on ${testDatabase} (needs ${need}): ${reason}`)
  return runs
}

/**
 * Another database on the run's MongoDB server, for tests of MongoDB code that hold connections
 * of their own; such tests drop it when done.
 */
export function otherMongoDatabase(name: string): string {
  const uri = new URL(process.env.DATABASE_URI ?? '')
  uri.pathname = `${uri.pathname}-${name}`
  return uri.toString()
}
