import Database from 'better-sqlite3'

import { probeTokens, searchTokens, type WordTokens } from '@/lib/search'
import { BUSY_TIMEOUT_MS } from '@/lib/sqliteClient'

import { ftsReader, type FtsReader } from './sqliteReader'
import {
  COUNT_CAP,
  SEARCH_LIMITS,
  type SearchEntry,
  type SearchHits,
  type SearchLimits,
  type SearchStore,
} from './types'

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
CREATE VIRTUAL TABLE IF NOT EXISTS search_titles
  USING fts5(title, tokenize = 'unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS search_index_docs (
  rowid INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE
);`

// 2: the titles in a table of their own (search_titles), filled from search_index on opening
const SCHEMA_VERSION = 2

const SAME_MS = 1000

/** The index file for a SQLite database file. */
export const searchIndexFile = (databaseFile: string) =>
  databaseFile.replace(/(\.db)?$/, '.search.db')

// one FTS5 phrase per word: its tokens in order, the last one as a prefix when the word ends so
const phrase = (word: WordTokens) => `"${word.tokens.join(' ')}"${word.prefix ? ' *' : ''}`
const and = (words: WordTokens[]) => (words.length ? words.map(phrase).join(' AND ') : null)

/**
 * The FTS5 queries for a search. `titles` (on search_titles): every word in the title.
 * `anywhere` (on search_index): the words that may be anywhere. `inTitles` (on
 * search_titles): the words looked for in titles only, which every match must have there. Titles are a table of their own because a prefix or a
 * column filter on search_index walks the posting lists of every body.
 */
export function ftsQueries(words: WordTokens[]) {
  const anywhere = and(words.filter((word) => !word.titleOnly))
  return {
    titles: and(words)!,
    anywhere,
    inTitles: and(words.filter((word) => word.titleOnly)),
  }
}

// Reads, all run on the search thread. Each FTS5 scan is in row-id order (newest first), from
// the window's first row id (0: all) and stops at its LIMIT: a page reads at most its offset and
// ten rows, a count COUNT_CAP + 1, a probe commonAt + 1 (SearchLimits).
const FROM = 'rowid >= ?'
const TITLE_ROWS = `SELECT rowid FROM search_titles WHERE search_titles MATCH ? AND ${FROM}
  ORDER BY rowid DESC LIMIT ?`
// `+rowid`: a filter on the scan's rows; as `rowid IN` SQLite ran the FTS5 query once per title
// match instead (年収 転: 1.5 s at 100,000 articles, and one of bench:search's queries 69 s)
const IN_TITLES = `+rowid IN (SELECT rowid FROM search_titles WHERE search_titles MATCH ? AND ${FROM})`
// the rest: matches that are not title matches (those of the window: at most walkCap, or at most
// commonAt when a rare token bounds the search), left out by row id; a NOT in the FTS5 query
// itself evaluated the phrases a second time, over the bodies' postings
const BODY_ROWS = (restricted: boolean) =>
  `SELECT rowid FROM search_index WHERE search_index MATCH ? AND ${FROM}
   AND rowid NOT IN (SELECT rowid FROM search_titles WHERE search_titles MATCH ? AND ${FROM})
   ${restricted ? `AND ${IN_TITLES}` : ''} ORDER BY rowid DESC LIMIT ? OFFSET ?`
const COUNT_UP_TO = (table: 'search_index' | 'search_titles', restricted: boolean) =>
  `SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH ? AND ${FROM}
   ${restricted ? `AND ${IN_TITLES}` : ''} LIMIT ?)`
const DOC_IDS = `SELECT d.doc_id FROM json_each(?) AS hit
  JOIN search_index_docs AS d ON d.rowid = hit.value ORDER BY hit.key`
// the row id of the walkCap-th newest article (its millisecond: ties are all in or all out)
const NTH_NEWEST = 'SELECT rowid FROM search_index_docs ORDER BY rowid DESC LIMIT 1 OFFSET ?'

type Rowid = { rowid: number }

/** The FTS5 store; its reads run on a thread of their own (./sqliteReader.ts). */
export function sqliteSearchStore(
  file: string,
  limits: SearchLimits = SEARCH_LIMITS,
): SearchStore & { reader: FtsReader; connection: Database.Database } {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // derived data: a crash may lose the last changes, which the next rebuild or save restores
  db.pragma('synchronous = NORMAL')
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number
    db.exec(SCHEMA)
    // an index written before search_titles: its titles are copied over, the bodies stay
    if (version < 2) {
      db.exec('DELETE FROM search_titles')
      db.exec('INSERT INTO search_titles (rowid, title) SELECT rowid, title FROM search_index')
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`)
  })()
  const reader = ftsReader(file, BUSY_TIMEOUT_MS)

  const rowOf = db.prepare<[string], { rowid: number }>(
    'SELECT rowid FROM search_index_docs WHERE doc_id = ?',
  )
  const lastInMs = db.prepare<[number, number], { rowid: number | null }>(
    'SELECT max(rowid) AS rowid FROM search_index_docs WHERE rowid BETWEEN ? AND ?',
  )
  const deleteText = db.prepare<[number]>('DELETE FROM search_index WHERE rowid = ?')
  const deleteTitle = db.prepare<[number]>('DELETE FROM search_titles WHERE rowid = ?')
  const deleteDoc = db.prepare<[number]>('DELETE FROM search_index_docs WHERE rowid = ?')
  const insertDoc = db.prepare<[number, string]>(
    'INSERT INTO search_index_docs (rowid, doc_id) VALUES (?, ?)',
  )
  const insertText = db.prepare<[number, string, string]>(
    'INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)',
  )
  const insertTitle = db.prepare<[number, string]>(
    'INSERT INTO search_titles (rowid, title) VALUES (?, ?)',
  )
  const size = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM search_index_docs')

  const removeRow = (id: string) => {
    const row = rowOf.get(id)
    if (!row) return
    deleteText.run(row.rowid)
    deleteTitle.run(row.rowid)
    deleteDoc.run(row.rowid)
  }

  const putOne = (entry: SearchEntry) => {
    removeRow(entry.id)
    const base = entry.publishedAt.getTime() * SAME_MS
    const last = lastInMs.get(base, base + SAME_MS - 1)?.rowid
    const rowid = last === null || last === undefined ? base : last + 1
    const title = searchTokens(entry.title).join(' ')
    insertDoc.run(rowid, entry.id)
    insertText.run(rowid, title, searchTokens(entry.body).join(' '))
    insertTitle.run(rowid, title)
  }
  const put = db.transaction(putOne)
  const putMany = db.transaction((entries: SearchEntry[]) => entries.forEach(putOne))

  const rowids = async (sql: string, params: unknown[]) =>
    (await reader.all<Rowid>(sql, params)).map((row) => row.rowid)
  const countUpTo = async (sql: string, params: unknown[]) =>
    (await reader.all<{ n: number }>(sql, params))[0]?.n ?? 0

  return {
    reader,
    connection: db,
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
      if (!words.length) return { ids: [], total: 0, capped: false, narrowed: false }
      const { titles, anywhere, inTitles } = ftsQueries(words)
      // with a rare token the scans seek from one of its few matches to the next; without one
      // they would walk every article's postings, so they walk the newest walkCap only
      let from = 0
      if (anywhere) {
        let rare = false
        for (const probe of probeTokens(words)) {
          const match = phrase({ tokens: [probe.token], prefix: probe.prefix, titleOnly: false })
          const n = await countUpTo(COUNT_UP_TO('search_index', false), [
            match,
            0,
            limits.commonAt + 1,
          ])
          if ((rare = n <= limits.commonAt)) break
        }
        if (!rare) {
          const nth = (await rowids(NTH_NEWEST, [limits.walkCap - 1]))[0]
          if (nth !== undefined) from = Math.floor(nth / SAME_MS) * SAME_MS
        }
      }
      const restrict = inTitles ? [inTitles, from] : []
      // title matches up to this page's end, then the rest after as many as came before
      const titled = limit > 0 ? await rowids(TITLE_ROWS, [titles, from, offset + limit]) : []
      const page = titled.slice(offset)
      if (anywhere && page.length < limit) {
        const skip = Math.max(0, offset - titled.length)
        page.push(
          ...(await rowids(BODY_ROWS(Boolean(inTitles)), [
            anywhere,
            from,
            titles,
            from,
            ...restrict,
            limit - page.length,
            skip,
          ])),
        )
      }
      const counted = anywhere
        ? await countUpTo(COUNT_UP_TO('search_index', Boolean(inTitles)), [
            anywhere,
            from,
            ...restrict,
            COUNT_CAP + 1,
          ])
        : await countUpTo(COUNT_UP_TO('search_titles', false), [titles, from, COUNT_CAP + 1])
      const ids = page.length
        ? (await reader.all<{ doc_id: string }>(DOC_IDS, [JSON.stringify(page)])).map(
            (row) => row.doc_id,
          )
        : []
      return {
        ids,
        total: Math.min(counted, COUNT_CAP),
        capped: counted > COUNT_CAP,
        narrowed: from > 0,
      }
    },
    async size() {
      return size.get()?.n ?? 0
    },
    async clear() {
      db.exec('DELETE FROM search_index; DELETE FROM search_titles; DELETE FROM search_index_docs;')
    },
    close: () => reader.close(),
  }
}
