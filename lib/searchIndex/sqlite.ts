import Database from 'better-sqlite3'

import type { WordTokens } from '@/lib/search'
import { searchTokens } from '@/lib/search'
import { BUSY_TIMEOUT_MS } from '@/lib/sqliteClient'

import { COUNT_CAP, type SearchEntry, type SearchHits, type SearchStore } from './types'

// The embedded database's search index: SQLite FTS5 over the bigram tokens of lib/search.ts, in
// a file of its own beside the site's database (site.db → site.search.db).
//
// Why a file of its own: the index is derived from the published articles and rebuilt from them
// when it is missing (lib/searchIndex/index.ts), and Payload's development schema push treats
// every table it does not know in its own file as one to drop, FTS5's virtual table and its
// shadow tables included. Writes here also never wait for Payload's write lock.
//
// Each article's row id is its publication time (ms × 1000, plus a counter for articles
// published in the same millisecond), so FTS5 hands matches over newest first by itself and a
// page of results stops after its ten rows instead of sorting every match.

const SCHEMA = `
CREATE VIRTUAL TABLE IF NOT EXISTS search_index
  USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS search_index_docs (
  rowid INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE
);`

const SAME_MS = 1000

/** The index file for a SQLite database file. */
export const searchIndexFile = (databaseFile: string) =>
  databaseFile.replace(/(\.db)?$/, '.search.db')

// one FTS5 phrase per word: its tokens in order, the last one as a prefix when the word ends so
const phrase = (word: WordTokens) => `"${word.tokens.join(' ')}"${word.prefix ? ' *' : ''}`

/** The FTS5 queries for a search: every word anywhere; every word in the title; the rest. */
export function ftsQueries(words: WordTokens[]) {
  const all = words.map(phrase).join(' AND ')
  const title = `title : (${all})`
  return { all, title, bodyOnly: `(${all}) NOT (${title})` }
}

export function sqliteSearchStore(file: string): SearchStore {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // derived data: a crash may lose the last changes, which the next rebuild or save restores
  db.pragma('synchronous = NORMAL')
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  db.exec(SCHEMA)

  const rowOf = db.prepare<[string], { rowid: number }>(
    'SELECT rowid FROM search_index_docs WHERE doc_id = ?',
  )
  const lastInMs = db.prepare<[number, number], { rowid: number | null }>(
    'SELECT max(rowid) AS rowid FROM search_index_docs WHERE rowid BETWEEN ? AND ?',
  )
  const deleteText = db.prepare<[number]>('DELETE FROM search_index WHERE rowid = ?')
  const deleteDoc = db.prepare<[number]>('DELETE FROM search_index_docs WHERE rowid = ?')
  const insertDoc = db.prepare<[number, string]>(
    'INSERT INTO search_index_docs (rowid, doc_id) VALUES (?, ?)',
  )
  const insertText = db.prepare<[number, string, string]>(
    'INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)',
  )
  // title matches, then the others, each newest first: FTS5 gives both in row-id order, and the
  // merge of two ordered scans stops at the page's last row
  const page = db.prepare<[string, string, number, number], { doc_id: string }>(`
    SELECT d.doc_id FROM (
      SELECT rowid, 0 AS part FROM search_index WHERE search_index MATCH ?
      UNION ALL
      SELECT rowid, 1 AS part FROM search_index WHERE search_index MATCH ?
      ORDER BY part, rowid DESC LIMIT ? OFFSET ?
    ) AS hit JOIN search_index_docs AS d ON d.rowid = hit.rowid
    ORDER BY hit.part, hit.rowid DESC`)
  const countUpTo = db.prepare<[string, number], { n: number }>(
    'SELECT count(*) AS n FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ?)',
  )
  const size = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM search_index_docs')

  const removeRow = (id: string) => {
    const row = rowOf.get(id)
    if (!row) return
    deleteText.run(row.rowid)
    deleteDoc.run(row.rowid)
  }

  const putOne = (entry: SearchEntry) => {
    removeRow(entry.id)
    const base = entry.publishedAt.getTime() * SAME_MS
    const last = lastInMs.get(base, base + SAME_MS - 1)?.rowid
    const rowid = last === null || last === undefined ? base : last + 1
    insertDoc.run(rowid, entry.id)
    insertText.run(rowid, searchTokens(entry.title).join(' '), searchTokens(entry.body).join(' '))
  }
  const put = db.transaction(putOne)
  const putMany = db.transaction((entries: SearchEntry[]) => entries.forEach(putOne))

  return {
    async put(entry) {
      put(entry)
    },
    async putMany(entries) {
      putMany(entries)
    },
    async remove(id) {
      db.transaction(removeRow)(id)
    },
    async search(words, offset, limit): Promise<SearchHits> {
      if (!words.length) return { ids: [], total: 0, capped: false }
      const queries = ftsQueries(words)
      const ids = page.all(queries.title, queries.bodyOnly, limit, offset).map((r) => r.doc_id)
      const counted = countUpTo.get(queries.all, COUNT_CAP + 1)?.n ?? 0
      return { ids, total: Math.min(counted, COUNT_CAP), capped: counted > COUNT_CAP }
    },
    async size() {
      return size.get()?.n ?? 0
    },
    async clear() {
      db.exec('DELETE FROM search_index; DELETE FROM search_index_docs;')
    },
  }
}
