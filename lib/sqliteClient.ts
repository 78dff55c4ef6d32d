import Database from 'better-sqlite3'
import type {
  Client,
  InStatement,
  Replicated,
  ResultSet,
  Row,
  Transaction,
  TransactionMode,
} from '@libsql/client'

// The embedded database's driver: better-sqlite3 behind the @libsql/client interface that
// Payload's SQLite adapter and drizzle-orm/libsql call (execute, batch, migrate, transaction,
// executeMultiple, close).
//
// Why not libsql itself: its Node driver keeps native memory on every statement it runs and
// never gives it back (bench/libsqlLeak.ts: 954 bytes per run of a reused statement, 5,211
// per client execute, on 0.4.7, 0.5.29 and 0.6.0-pre.41; upstream
// tursodatabase/libsql-js#153 and tursodatabase/libsql-client-ts#333, both open), so every
// uncached page and every write grew the server for good. better-sqlite3 runs the same SQLite
// file format without that leak (the same bench, `npm run bench:libsql`).
//
// Both drivers are synchronous, so two things are done here rather than left to SQLite:
//
// - Writers wait for each other in JavaScript. A Payload transaction stays open across awaits;
//   if a second writer met its lock inside SQLite, the busy timeout would spin with the event
//   loop blocked, and the first transaction could not finish until the wait ran out (with
//   libsql: a 5 s stall, then SQLITE_BUSY). Here a write, or a transaction's first write, that
//   finds the lock held waits on a promise, up to the same busy timeout, then fails with
//   SQLITE_BUSY. A transaction holds the lock from its first write to its end.
// - Readers never wait: statements that do not write run at once on the main connection (WAL
//   lets them read beside an open write transaction), and each transaction runs on a pooled
//   connection of its own, so work outside it never lands inside it.
//
// Every connection is opened with the same settings (busy timeout for other processes such as
// a backup, synchronous FULL), and prepared statements are kept per connection in a bounded
// cache.

export const BUSY_TIMEOUT_MS = 5_000
const CONNECTION_PRAGMAS = [`busy_timeout = ${BUSY_TIMEOUT_MS}`, 'synchronous = FULL']
const STATEMENT_CACHE_SIZE = 256
const IDLE_CONNECTIONS = 4

export type SqliteClientOptions = {
  /** how long a writer waits for another before SQLITE_BUSY (default BUSY_TIMEOUT_MS) */
  busyTimeoutMs?: number
  /** switch the database to the WAL journal, with this limit on the size of the WAL file */
  wal?: { journalSizeLimit: number }
}

type Connection = Database.Database & { statements?: Map<string, Database.Statement> }
type Args = unknown[] | Record<string, unknown>

/** An error with SQLite's code, as the adapter expects (e.g. SQLITE_CONSTRAINT_UNIQUE). */
class SqliteClientError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
    this.name = 'SqliteClientError'
  }
}

function sqlAndArgs(stmt: InStatement): { sql: string; args: Args } {
  if (typeof stmt === 'string') return { sql: stmt, args: [] }
  const given = stmt.args
  if (!given) return { sql: stmt.sql, args: [] }
  if (Array.isArray(given)) return { sql: stmt.sql, args: given.map(toSql) }
  const named: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(given)) {
    named[/^[@$:]/.test(name) ? name.slice(1) : name] = toSql(value)
  }
  return { sql: stmt.sql, args: named }
}

// the values libsql accepts, turned into what better-sqlite3 binds
function toSql(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments')
  }
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Date) return value.valueOf()
  if (value instanceof ArrayBuffer) return Buffer.from(value)
  if (value === undefined)
    throw new TypeError('undefined cannot be passed as argument to the database')
  return value
}

function fromSql(value: unknown): unknown {
  if (Buffer.isBuffer(value)) {
    return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength)
  }
  return value
}

// A row as libsql shapes it: values by index (not enumerable) and by column name (enumerable),
// which is what drizzle reads in both its array and object modes.
function toRow(values: unknown[], columns: string[]): Row {
  const row = {} as Row
  Object.defineProperty(row, 'length', { value: values.length })
  for (let i = 0; i < values.length; i++) {
    const value = fromSql(values[i])
    Object.defineProperty(row, i, { value })
    const column = columns[i]!
    if (!Object.hasOwn(row, column)) {
      Object.defineProperty(row, column, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      })
    }
  }
  return row
}

function resultSet(
  columns: string[],
  columnTypes: string[],
  rows: Row[],
  rowsAffected: number,
  lastInsertRowid: bigint | undefined,
): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({
      columns,
      columnTypes,
      rows: rows.map((row) => Array.from(row as ArrayLike<unknown>)),
      rowsAffected,
      lastInsertRowid: lastInsertRowid?.toString() ?? null,
    }),
  }
}

function prepare(db: Connection, sql: string): Database.Statement {
  const cache = (db.statements ??= new Map())
  let statement = cache.get(sql)
  if (statement) {
    // most recently used last, so the first key is the one to drop
    cache.delete(sql)
  } else {
    statement = db.prepare(sql)
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
  }
  cache.set(sql, statement)
  return statement
}

type Recorded = { sql: string; args: Args }
const RECORDING = Symbol.for('career-media.sqlite-recording')
const recording = globalThis as typeof globalThis & { [RECORDING]?: Recorded[] }

/**
 * The statements run while `work` runs, with their arguments: for the tests of query plans
 * (tests/int/queryPlans.int.spec.ts), which run EXPLAIN QUERY PLAN on what Payload issued.
 * One recording at a time; never used by the site.
 */
export async function recordStatements(work: () => Promise<unknown>): Promise<Recorded[]> {
  const statements: Recorded[] = []
  recording[RECORDING] = statements
  try {
    await work()
  } finally {
    recording[RECORDING] = undefined
  }
  return statements
}

function run(db: Connection, stmt: InStatement): ResultSet {
  const { sql, args } = sqlAndArgs(stmt)
  recording[RECORDING]?.push({ sql, args })
  const statement = prepare(db, sql)
  if (statement.reader) {
    const columnInfo = statement.columns()
    const columns = columnInfo.map((column) => column.name)
    const columnTypes = columnInfo.map((column) => column.type ?? '')
    const raw = statement.raw(true).all(args) as unknown[][]
    return resultSet(
      columns,
      columnTypes,
      raw.map((values) => toRow(values, columns)),
      0,
      undefined,
    )
  }
  const info = statement.run(args)
  return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid))
}

function writes(db: Connection, stmt: InStatement): boolean {
  return !prepare(db, typeof stmt === 'string' ? stmt : stmt.sql).readonly
}

function beginStatement(mode: TransactionMode): string {
  // libsql's "BEGIN TRANSACTION READONLY" is its own syntax; plain SQLite reads in a deferred one
  return mode === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN DEFERRED'
}

/** One writer at a time, waited for without blocking the event loop. */
class WriteLock {
  #tail: Promise<void> = Promise.resolve()
  #held = 0

  get free(): boolean {
    return this.#held === 0
  }

  async acquire(timeoutMs: number): Promise<() => void> {
    let release!: () => void
    const previous = this.#tail
    const mine = new Promise<void>((resolve) => (release = resolve))
    this.#tail = previous.then(() => mine)
    this.#held++
    let released = false
    const done = () => {
      if (released) return
      released = true
      this.#held--
      release()
    }
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs)
    })
    const outcome = await Promise.race([previous.then(() => 'ok' as const), timedOut])
    clearTimeout(timer)
    if (outcome === 'timeout') {
      // give up our place: whoever queued after us waits only for the holder
      done()
      throw new SqliteClientError('database is locked', 'SQLITE_BUSY')
    }
    return done
  }
}

export class SqliteClient implements Client {
  readonly protocol = 'file'
  closed = false
  readonly #path: string
  readonly #main: Connection
  readonly #idle: Connection[] = []
  readonly #lock = new WriteLock()
  readonly #busyTimeoutMs: number

  constructor(path: string, options: SqliteClientOptions = {}) {
    this.#path = path
    this.#busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS
    this.#main = this.#open()
    if (options.wal) {
      // kept in the database file: every later connection, and every process, uses it too
      this.#main.pragma('journal_mode = WAL')
      this.#main.pragma(`journal_size_limit = ${options.wal.journalSizeLimit}`)
    }
  }

  #open(): Connection {
    const db = new Database(this.#path) as Connection
    for (const pragma of CONNECTION_PRAGMAS) db.pragma(pragma)
    return db
  }

  #check() {
    if (this.closed) throw new SqliteClientError('The client is closed', 'CLIENT_CLOSED')
  }

  /** Runs `work` as the only writer (after any open transaction has finished). */
  async #asWriter<T>(work: () => T): Promise<T> {
    const release = await this.#lock.acquire(this.#busyTimeoutMs)
    try {
      return work()
    } finally {
      release()
    }
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    this.#check()
    if (this.#lock.free || !writes(this.#main, stmt)) return run(this.#main, stmt)
    return this.#asWriter(() => run(this.#main, stmt))
  }

  async batch(stmts: InStatement[], mode: TransactionMode = 'deferred'): Promise<ResultSet[]> {
    this.#check()
    return this.#asWriter(() => inTransaction(this.#main, beginStatement(mode), stmts))
  }

  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    this.#check()
    return this.#asWriter(() => {
      this.#main.pragma('foreign_keys = off')
      try {
        return inTransaction(this.#main, 'BEGIN DEFERRED', stmts)
      } finally {
        this.#main.pragma('foreign_keys = on')
      }
    })
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#check()
    await this.#asWriter(() => {
      try {
        this.#main.exec(sql)
      } finally {
        if (this.#main.inTransaction) this.#main.exec('ROLLBACK')
      }
    })
  }

  async transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
    this.#check()
    const db = this.#idle.pop() ?? this.#open()
    const finish = () => {
      if (db.inTransaction) db.exec('ROLLBACK')
      if (this.closed || this.#idle.length >= IDLE_CONNECTIONS) db.close()
      else this.#idle.push(db)
    }
    if (mode === 'read') {
      // a read transaction never writes, so it needs no place in the writers' queue
      try {
        db.exec(beginStatement(mode))
      } catch (error) {
        finish()
        throw error
      }
      return new SqliteTransaction(db, null, finish)
    }
    return new SqliteTransaction(db, () => this.#lock.acquire(this.#busyTimeoutMs), finish)
  }

  /** Part of libsql's Client interface for embedded replicas; a local file has nothing to
   *  sync, and Payload never calls it. */
  async sync(): Promise<Replicated> {
    return undefined
  }

  /** Pooled connections waiting for a transaction (not the main one); for tests of the pool's bound. */
  get idleConnections(): number {
    return this.#idle.length
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    for (const db of this.#idle.splice(0)) db.close()
    this.#main.close()
  }
}

function inTransaction(db: Connection, begin: string, stmts: InStatement[]): ResultSet[] {
  db.exec(begin)
  try {
    const results = stmts.map((stmt) => run(db, stmt))
    db.exec('COMMIT')
    return results
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK')
  }
}

/**
 * A transaction on a pooled connection. A write transaction takes the writers' lock and begins
 * (BEGIN IMMEDIATE) at its first write, not when it is opened: until then its reads see what is
 * committed, as in PostgreSQL's default isolation, which Payload's operations are written for.
 * Payload opens one per operation and some operations write outside it before their own first
 * write (forgot-password reserves the request with a write of its own while its transaction is
 * open); had the transaction held the lock from its start, that write would wait for a
 * transaction that waits for it, until the busy timeout.
 */
class SqliteTransaction implements Transaction {
  #done = false
  #begun: Promise<void> | undefined
  #release: (() => void) | undefined

  constructor(
    private readonly db: Connection,
    /** takes the writers' lock; null for a read transaction, begun already */
    private readonly lock: (() => Promise<() => void>) | null,
    private readonly finish: () => void,
  ) {
    if (!lock) this.#begun = Promise.resolve()
  }

  get closed(): boolean {
    return this.#done
  }

  #check() {
    if (this.#done) throw new SqliteClientError('The transaction is closed', 'TRANSACTION_CLOSED')
  }

  /** Begins the write transaction once, however many statements ask for it at the same time. */
  #writing(): Promise<void> {
    this.#begun ??= (async () => {
      const release = await this.lock!()
      if (this.#done) {
        release()
        this.#check()
      }
      try {
        this.db.exec('BEGIN IMMEDIATE')
      } catch (error) {
        release()
        throw error
      }
      this.#release = release
    })()
    return this.#begun
  }

  async #ready(stmts: InStatement[]) {
    if (stmts.some((stmt) => writes(this.db, stmt))) await this.#writing()
    this.#check()
  }

  async #end(statement: 'COMMIT' | 'ROLLBACK') {
    // a begin still waiting for the lock is let finish, then ended
    await this.#begun?.catch(() => {})
    try {
      if (this.db.inTransaction) this.db.exec(statement)
    } finally {
      this.#done = true
      this.finish()
      this.#release?.()
      this.#release = undefined
    }
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    this.#check()
    await this.#ready([stmt])
    return run(this.db, stmt)
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    this.#check()
    await this.#ready(stmts)
    return stmts.map((stmt) => run(this.db, stmt))
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#check()
    await this.#writing()
    this.#check()
    this.db.exec(sql)
  }

  async commit(): Promise<void> {
    this.#check()
    await this.#end('COMMIT')
  }

  async rollback(): Promise<void> {
    if (this.#done) return
    await this.#end('ROLLBACK')
  }

  close(): void {
    if (!this.#done) void this.#end('ROLLBACK')
  }
}

/** The path of a `file:` URL as SQLite opens it (file:./data/site.db → ./data/site.db). */
export function sqlitePath(url: string): string {
  if (!url.startsWith('file:')) throw new Error(`Not a SQLite file URL: ${url}`)
  const rest = url.slice('file:'.length)
  return rest.startsWith('//') ? new URL(url).pathname : rest
}

/** A client for the database at a `file:` URL. */
export function createSqliteClient(url: string, options?: SqliteClientOptions): SqliteClient {
  return new SqliteClient(sqlitePath(url), options)
}
