import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { BUSY_TIMEOUT_MS, createSqliteClient, type SqliteClient } from './sqliteClient'

let dir: string
let client: SqliteClient

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sqlite-client-'))
  client = createSqliteClient(`file:${path.join(dir, 'site.db')}`, { busyTimeoutMs: 300 })
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, flag INTEGER)')
})

afterEach(() => {
  client.close()
  rmSync(dir, { recursive: true, force: true })
})

const names = async () =>
  (await client.execute('SELECT name FROM t ORDER BY id')).rows.map((row) => row.name)

describe('the embedded database client', () => {
  it('answers as libsql does: rows by index and by column, counts and the new rowid', async () => {
    const inserted = await client.execute({
      sql: 'INSERT INTO t (name, flag) VALUES (?, ?)',
      args: ['転職', true],
    })
    expect(inserted.rowsAffected).toBe(1)
    expect(inserted.lastInsertRowid).toBe(1n)
    await client.execute({
      sql: 'INSERT INTO t (name, flag) VALUES (:name, :flag)',
      args: { name: '副業', flag: false },
    })

    const { columns, rows } = await client.execute('SELECT id, name, flag FROM t ORDER BY id')
    expect(columns).toEqual(['id', 'name', 'flag'])
    expect(rows).toHaveLength(2)
    const [first, second] = rows
    // what drizzle reads: values by position in array mode, names in object mode
    expect(Array.prototype.slice.call(first)).toEqual([1, '転職', 1])
    expect(Object.keys(first!)).toEqual(['id', 'name', 'flag'])
    expect(second).toMatchObject({ id: 2, name: '副業', flag: 0 })

    const returned = await client.execute({
      sql: 'INSERT INTO t (name) VALUES (?) RETURNING id, name',
      args: ['年収'],
    })
    expect(returned.rows[0]).toMatchObject({ id: 3, name: '年収' })
  })

  it('reports a duplicate with SQLite’s code and keeps what was stored', async () => {
    await client.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['転職'] })
    await expect(
      client.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['転職'] }),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    await expect(
      client.execute({
        sql: 'INSERT INTO t (name) VALUES (?)',
        args: [undefined as unknown as string],
      }),
    ).rejects.toThrow(/undefined/)
    expect(await names()).toEqual(['転職'])
  })

  it('lets reads through while a transaction writes, and queues other writers behind it', async () => {
    const tx = await client.transaction('write')
    await tx.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['取引中'] })

    // a reader outside the transaction answers at once and sees only committed rows
    expect(await names()).toEqual([])

    // a writer outside it waits (without blocking the event loop) until the commit
    let written = false
    const outside = client
      .execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['外から'] })
      .then(() => (written = true))
    // so does a second transaction's first write; its reads before that go through
    const second = await client.transaction('write')
    expect((await second.execute('SELECT count(*) AS n FROM t')).rows[0]).toMatchObject({ n: 0 })
    let secondWrote = false
    const secondWrite = second
      .execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['二つ目'] })
      .then(() => (secondWrote = true))
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    await new Promise((resolve) => setTimeout(resolve, 60))
    clearInterval(timer)
    expect(ticks).toBeGreaterThan(3)
    expect(written).toBe(false)
    expect(secondWrote).toBe(false)

    await tx.commit()
    await outside
    expect(written).toBe(true)
    await secondWrite
    await second.commit()
    expect(await names()).toEqual(['取引中', '外から', '二つ目'])
  })

  it('takes the writers’ lock at a transaction’s first write, so a write outside it before then goes through', async () => {
    // Payload's forgot-password writes a reservation outside its open transaction, then
    // writes inside it: with the lock taken at the start, the two waited for each other
    const tx = await client.transaction('write')
    await client.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['予約'] })
    // the transaction reads what was committed after it opened
    expect((await tx.execute('SELECT name FROM t')).rows.map((row) => row.name)).toEqual(['予約'])
    await tx.execute({ sql: 'UPDATE t SET flag = 1 WHERE name = ?', args: ['予約'] })
    // from its first write it holds the lock, and its writes are its own until it commits
    await expect(
      client.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['待ちきれない'] }),
    ).rejects.toMatchObject({ code: 'SQLITE_BUSY' })
    expect((await client.execute('SELECT flag FROM t')).rows[0]).toMatchObject({ flag: null })
    await tx.rollback()
    expect((await client.execute('SELECT flag FROM t')).rows[0]).toMatchObject({ flag: null })
    await client.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['後'] })
    expect(await names()).toEqual(['予約', '後'])
  })

  it('begins once when several writes of one transaction ask at the same time', async () => {
    const tx = await client.transaction('write')
    await Promise.all(
      ['一', '二', '三'].map((name) =>
        tx.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: [name] }),
      ),
    )
    await tx.commit()
    expect(await names()).toEqual(['一', '二', '三'])
    // the lock was given back: a write outside goes through at once
    await client.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['四'] })
    expect(await names()).toHaveLength(4)
  })

  it('gives up a write with SQLITE_BUSY after the busy timeout, and loses nothing', async () => {
    const tx = await client.transaction('write')
    await tx.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['先'] })
    await expect(
      client.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['待ちきれない'] }),
    ).rejects.toMatchObject({ code: 'SQLITE_BUSY' })
    await tx.commit()
    await client.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['後'] })
    expect(await names()).toEqual(['先', '後'])
  })

  it('rolls a transaction back, and a batch is all or nothing', async () => {
    const tx = await client.transaction('write')
    await tx.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['取り消し'] })
    await tx.rollback()
    expect(tx.closed).toBe(true)

    await expect(
      client.batch(
        [
          { sql: 'INSERT INTO t (name) VALUES (?)', args: ['一件目'] },
          { sql: 'INSERT INTO t (name) VALUES (?)', args: ['一件目'] },
        ],
        'write',
      ),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    expect(await names()).toEqual([])
    await client.batch([{ sql: 'INSERT INTO t (name) VALUES (?)', args: ['まとめて'] }], 'write')
    expect(await names()).toEqual(['まとめて'])
  })

  it('opens every connection with the busy timeout and full sync, inside and after transactions', async () => {
    const production = createSqliteClient(`file:${path.join(dir, 'site.db')}`)
    const read = async (run: (sql: string) => Promise<{ rows: unknown[] }>) => {
      const [timeout] = (await run('PRAGMA busy_timeout')).rows as Record<string, number>[]
      const [sync] = (await run('PRAGMA synchronous')).rows as Record<string, number>[]
      return [Object.values(timeout!)[0], Object.values(sync!)[0]]
    }
    try {
      expect(await read((sql) => production.execute(sql))).toEqual([BUSY_TIMEOUT_MS, 2])
      const tx = await production.transaction('write')
      expect(await read((sql) => tx.execute(sql))).toEqual([BUSY_TIMEOUT_MS, 2])
      await tx.commit()
      const again = await production.transaction('write')
      expect(await read((sql) => again.execute(sql))).toEqual([BUSY_TIMEOUT_MS, 2])
      await again.commit()
      expect(await read((sql) => production.execute(sql))).toEqual([BUSY_TIMEOUT_MS, 2])
    } finally {
      production.close()
    }
  })

  it('keeps a bounded number of idle connections however many transactions ran at once', async () => {
    const open = await Promise.all(Array.from({ length: 10 }, () => client.transaction('read')))
    for (const tx of open) await tx.commit()
    expect(client.idleConnections).toBeLessThanOrEqual(4)
    expect(client.idleConnections).toBeGreaterThan(0)
  })
})
