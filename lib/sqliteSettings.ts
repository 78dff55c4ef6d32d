import type { Client } from '@libsql/client'
import type { Payload } from 'payload'

// SQLite settings for a site that takes writes from readers and every click, not only staff:
//
// - WAL journal: readers never wait for a writer, and a crash loses no committed transaction
//   (set by the adapter; stored in the database file).
// - synchronous FULL: each commit is on disk before the write is acknowledged.
// - busy timeout: a write that meets another waits for it instead of failing with
//   SQLITE_BUSY.
//
// The busy timeout belongs to one connection, and @libsql/client hands its connection to each
// interactive transaction and opens a new one for what follows (Payload's adapter sets the
// pragma once, on the first connection only; measured: 0 again after the first transaction).
// keepConnectionSettings gives every new connection the same settings, synchronously, before
// anything else can use it.

export const BUSY_TIMEOUT_MS = 5_000
export const WAL_JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024

const PRAGMAS = [`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`, 'PRAGMA synchronous = FULL']

type Settable = Pick<Client, 'transaction' | 'execute'>

/** Applies the per-connection settings again each time the client opens a new connection. */
export function keepConnectionSettings(client: Settable): void {
  const marked = client as Settable & { [KEPT]?: true }
  if (marked[KEPT]) return
  marked[KEPT] = true
  const transaction = client.transaction.bind(client)
  client.transaction = ((...args: Parameters<Client['transaction']>) => {
    // the transaction takes the current connection (synchronously, before its promise
    // settles); the executes below open the next one and set it up, in the same tick
    const started = transaction(...args)
    for (const pragma of PRAGMAS) void client.execute(pragma).catch(() => undefined)
    return started
  }) as Client['transaction']
}
const KEPT = Symbol.for('career-media.sqlite-settings')

/** What the database runs with, read back from SQLite itself (logged at start-up). */
export async function readSqliteSettings(client: Pick<Client, 'execute'>) {
  const value = async (pragma: string) =>
    Object.values((await client.execute(`PRAGMA ${pragma}`)).rows[0] ?? {})[0]
  return {
    journalMode: String(await value('journal_mode')),
    synchronous: Number(await value('synchronous')),
    busyTimeout: Number(await value('busy_timeout')),
  }
}

/** Sets up the connection settings of Payload's SQLite client and logs what is in force. */
export async function checkSqliteSettings(payload: Payload): Promise<void> {
  const client = (payload.db as unknown as { client?: Client }).client
  if (!client) return
  keepConnectionSettings(client)
  for (const pragma of PRAGMAS) await client.execute(pragma)
  const settings = await readSqliteSettings(client)
  const synchronous =
    ['OFF', 'NORMAL', 'FULL', 'EXTRA'][settings.synchronous] ?? settings.synchronous
  payload.logger.info(
    `SQLite: journal ${settings.journalMode}, synchronous ${synchronous}, busy timeout ${settings.busyTimeout} ms`,
  )
  if (settings.journalMode !== 'wal' || settings.busyTimeout < BUSY_TIMEOUT_MS) {
    payload.logger.warn('SQLite is not in WAL mode with a busy timeout: writes may fail under load')
  }
}
