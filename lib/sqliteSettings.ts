import type { Client } from '@libsql/client'
import type { Payload } from 'payload'

import { BUSY_TIMEOUT_MS } from './sqliteClient'

// SQLite settings for a site that takes writes from readers and every click, not only staff:
//
// - WAL journal: readers never wait for a writer, and a crash loses no committed transaction
//   (set by the adapter; stored in the database file).
// - synchronous FULL: each commit is on disk before the write is acknowledged.
// - busy timeout: a write that meets another waits for it instead of failing with
//   SQLITE_BUSY (lib/sqliteClient.ts sets it on every connection it opens, and makes writers
//   of this process wait for each other without blocking the event loop).

export const WAL_JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024

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

/** Logs the settings of Payload's SQLite connection, as SQLite reports them. */
export async function checkSqliteSettings(payload: Payload): Promise<void> {
  const client = (payload.db as unknown as { client?: Client }).client
  if (!client) return
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
