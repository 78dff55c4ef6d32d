import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { backupSqlite, pidFileOf, restoreSqlite } from '@/lib/backup'
import { resolveDatabase, resolveMediaDir } from '@/lib/env'
import { mongoTransactionWarning } from '@/lib/mongoSettings'
import { BUSY_TIMEOUT_MS } from '@/lib/sqliteClient'
import { readSqliteSettings } from '@/lib/sqliteSettings'
import { articleData, createCategory, createUser, pngFile } from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'
import { runsOn, testDatabase } from '@/tests/helpers/testDatabase'

let payload: Payload
beforeAll(async () => {
  payload = await getTestPayload()
})

/** Rows and a hash of every row of every table, in rowid order. */
async function snapshot(dbFile: string) {
  const client = createClient({ url: `file:${dbFile}` })
  try {
    const tables = (
      await client.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
    ).rows.map((row) => String(row.name))
    const out: Record<string, { rows: number; hash: string }> = {}
    for (const table of tables) {
      const { rows } = await client.execute(`SELECT * FROM "${table}" ORDER BY rowid`)
      out[table] = {
        rows: rows.length,
        hash: createHash('sha256').update(JSON.stringify(rows)).digest('hex'),
      }
    }
    return out
  } finally {
    client.close()
  }
}

describe.runIf(runsOn('sqlite', "the SQLite file's journal and timeout settings"))(
  'SQLite settings',
  () => {
    it('runs in WAL mode with a busy timeout that survives transactions', async () => {
      const client = (payload.db as unknown as { client: Parameters<typeof readSqliteSettings>[0] })
        .client
      expect(await readSqliteSettings(client)).toMatchObject({
        journalMode: 'wal',
        synchronous: 2, // FULL
        busyTimeout: BUSY_TIMEOUT_MS,
      })
      // after a transaction the client works on a new connection; the settings come with it
      await payload.create({
        collection: 'categories',
        data: { name: '設定確認', slug: `settings-${Date.now()}` },
        overrideAccess: true,
      })
      expect((await readSqliteSettings(client)).busyTimeout).toBe(BUSY_TIMEOUT_MS)
    })
  },
)

describe('MongoDB settings', () => {
  it('a MongoDB server that is no replica set is named at start as running without transactions', () => {
    const warning = mongoTransactionWarning(payload)
    const uri = process.env.DATABASE_URI ?? ''
    if (testDatabase === 'sqlite') expect(warning).toBeNull()
    else if (new URL(uri).searchParams.has('replicaSet')) expect(warning).toBeNull()
    else expect(warning).toMatch(/not a replica set, so transactions are off/)
  })
})

describe.runIf(
  runsOn(
    'sqlite',
    'npm run backup and restore copy the SQLite file; MongoDB is backed up with its own tools (README)',
  ),
)('backup and restore', () => {
  it('copies the live database and uploads; the restored copy is the same, row for row', async () => {
    const database = resolveDatabase(process.env)
    if (database.adapter !== 'sqlite') throw new Error('the backup commands are for SQLite')
    const dbFile = database.file
    const mediaDir = resolveMediaDir(process.env)
    const author = await createUser(payload, 'writer')
    const category = await createCategory(payload)
    await payload.create({
      collection: 'articles',
      data: articleData(category.id, author.id, { _status: 'published' }),
      overrideAccess: true,
    })
    await payload.create({
      collection: 'media',
      data: { alt: 'バックアップの確認用' },
      file: await pngFile(),
      overrideAccess: true,
    })
    const outDir = mkdtempSync(path.join(tmpdir(), 'backups-'))

    // while writes go on (the site keeps serving), the backup is one consistent snapshot
    const writes = Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        payload.create({
          collection: 'categories',
          data: { name: `並行${i}`, slug: `concurrent-${Date.now()}-${i}` },
          overrideAccess: true,
        }),
      ),
    )
    const { folder, manifest } = await backupSqlite({ dbFile, mediaDir, outDir })
    await writes
    expect(manifest.media).toBe(true)
    expect(manifest.tables.articles).toBeGreaterThan(0)
    const atBackup = await snapshot(path.join(folder, 'site.db'))
    expect(Object.fromEntries(Object.entries(atBackup).map(([t, s]) => [t, s.rows]))).toEqual(
      manifest.tables,
    )

    // restored elsewhere: integrity ok, every table equal to the backup
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'restored-')), 'site.db')
    const targetMedia = `${target}-media`
    await restoreSqlite({ folder, dbFile: target, mediaDir: targetMedia })
    expect(await snapshot(target)).toEqual(atBackup)
    const check = createClient({ url: `file:${target}` })
    expect((await check.execute('PRAGMA integrity_check')).rows[0]).toMatchObject({
      integrity_check: 'ok',
    })
    check.close()

    // a running server on the target: refused unless forced, and nothing is replaced
    writeFileSync(pidFileOf(target), String(process.pid))
    await expect(restoreSqlite({ folder, dbFile: target, mediaDir: targetMedia })).rejects.toThrow(
      /サーバーが動いています/,
    )
    await restoreSqlite({ folder, dbFile: target, mediaDir: targetMedia, force: true })
    expect(await snapshot(target)).toEqual(atBackup)

    // a damaged backup is refused before anything is touched
    writeFileSync(path.join(folder, 'site.db'), 'not a database')
    await expect(
      restoreSqlite({ folder, dbFile: target, mediaDir: targetMedia, force: true }),
    ).rejects.toThrow(/sha256/)
    expect(await snapshot(target)).toEqual(atBackup)
  })
})
