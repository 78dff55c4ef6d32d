import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'

import { queryWords } from '@/lib/search'
import { reviewSearchStoreCases } from '@/tests/helpers/reviewSearchStoreCases'
import { searchStoreCases } from '@/tests/helpers/searchStoreCases'

import { sqliteReviewSearchStore } from './reviews/sqlite'
import { ftsQueries, searchIndexFile, sqliteSearchStore } from './sqlite'
import { SearchUnavailableError } from './sqliteReader'
import type { SearchLimits } from './types'

const dir = mkdtempSync(path.join(tmpdir(), 'search-index-'))
const stores: ReturnType<typeof sqliteSearchStore>[] = []
const open = (limits?: SearchLimits) => {
  const store = sqliteSearchStore(path.join(dir, `${stores.length + 1}.search.db`), limits)
  stores.push(store)
  return store
}
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()))
  rmSync(dir, { recursive: true, force: true })
})

searchStoreCases('SQLite', async (limits) => open(limits))

describe('the search thread', () => {
  const entry = { id: 'a', title: '年収の上げ方', body: '交渉の準備。', publishedAt: new Date(1) }

  it('answers every search, off the main thread', async () => {
    const store = open()
    await store.put(entry)
    expect(store.reader.thread()).toBeNull()
    expect((await store.search(queryWords('年収'), 0, 10)).ids).toEqual(['a'])
    expect(store.reader.thread()?.threadId).toBeGreaterThan(0)
  })

  it('fails the searches waiting on a thread that stops, and starts a new one', async () => {
    const store = open()
    await store.put(entry)
    const waiting = store.search(queryWords('年収'), 0, 10)
    const first = store.reader.thread()!
    await first.terminate()
    await expect(waiting).rejects.toBeInstanceOf(SearchUnavailableError)
    await expect(waiting).rejects.toThrow(
      'the search thread stopped before it answered; the next search starts a new one',
    )
    expect((await store.search(queryWords('年収'), 0, 10)).ids).toEqual(['a'])
    expect(store.reader.thread()).not.toBe(first)
  })

  it('copies the titles of an index written before they had a table of their own', async () => {
    const file = path.join(dir, 'v1.search.db')
    const old = new Database(file)
    old.exec(`CREATE VIRTUAL TABLE search_index USING fts5(title, body);
      CREATE TABLE search_index_docs (rowid INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE);
      INSERT INTO search_index (rowid, title, body) VALUES (7, '年収 収の の上 上げ げ方', '');
      INSERT INTO search_index_docs VALUES (7, 'a');`)
    old.close()
    const store = sqliteSearchStore(file)
    stores.push(store)
    expect((await store.search(queryWords('年'), 0, 10)).ids).toEqual(['a'])
  })
})

describe('the FTS5 queries', () => {
  it('match each word as a phrase of its bigrams, the title first', () => {
    const words = '"年収" AND "えー ーじ じぇ ぇん んと" AND "pm" *'
    expect(ftsQueries(queryWords('年収 エージェント pm'))).toEqual({
      titles: words,
      anywhere: words,
      inTitles: null,
    })
  })

  it('look for a word of one character among the titles only', () => {
    expect(ftsQueries(queryWords('年 pmo'))).toEqual({
      titles: '"年" * AND "pmo" *',
      anywhere: '"pmo" *',
      inTitles: '"年" *',
    })
    expect(ftsQueries(queryWords('年')).anywhere).toBeNull()
  })

  it('keep the index beside the database file', () => {
    expect(searchIndexFile('/srv/data/site.db')).toBe('/srv/data/site.search.db')
    expect(searchIndexFile('/srv/data/site')).toBe('/srv/data/site.search.db')
  })
})

reviewSearchStoreCases('SQLite', async (limits) => {
  const store = open()
  return sqliteReviewSearchStore(store.connection, store.reader, limits)
})
