import type Database from 'better-sqlite3'

import { probeTokens, searchTokens, type WordTokens } from '@/lib/search'

import type { FtsReader } from '../sqliteReader'
import {
  REVIEW_SEARCH_LIMITS,
  type ReviewEntry,
  type ReviewHits,
  type ReviewSearchStore,
} from './types'
import type { SearchLimits } from '../types'

// The reviews' index on the embedded database: FTS5 tables beside the articles' in the search
// file (lib/searchIndex/sqlite.ts), read on the same search thread. Each row has its agent as a
// token of a column of its own, so a MATCH stays within one agent's reviews: FTS5 steps through
// the agent's rows and the words' rows together instead of collecting every review that has a
// word. Row ids are submission times (ms × 1000, plus a counter), so matches come newest first.

export const REVIEW_SCHEMA = `
CREATE VIRTUAL TABLE IF NOT EXISTS review_search
  USING fts5(agent, title, body, tokenize = 'unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS review_search_docs (
  rowid INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE
);`

const SAME_MS = 1000

/** An agent's id as one FTS5 token (ids are numbers or ObjectIds; hex keeps any id one token). */
export const agentToken = (agent: string) => `a${Buffer.from(agent).toString('hex')}`

const phrase = (word: WordTokens) => `"${word.tokens.join(' ')}"${word.prefix ? ' *' : ''}`
/** The FTS5 query for one agent's reviews with every word in their title or body. */
export const reviewMatch = (agent: string, words: WordTokens[]) =>
  [`agent : ${agentToken(agent)}`, ...words.map((word) => `{title body} : ${phrase(word)}`)].join(
    ' AND ',
  )

const ROWS = `SELECT rowid FROM review_search WHERE review_search MATCH ? AND rowid >= ?
  ORDER BY rowid DESC LIMIT ? OFFSET ?`
const COUNT_UP_TO = `SELECT count(*) AS n FROM (SELECT 1 FROM review_search
  WHERE review_search MATCH ? LIMIT ?)`
const DOC_IDS = `SELECT d.doc_id FROM json_each(?) AS hit
  JOIN review_search_docs AS d ON d.rowid = hit.value ORDER BY hit.key`

type Rowid = { rowid: number }

/**
 * The FTS5 review store: writes on `db` (the search file's connection, its schema made here),
 * reads on the search thread.
 */
export function sqliteReviewSearchStore(
  db: Database.Database,
  reader: FtsReader,
  limits: SearchLimits = REVIEW_SEARCH_LIMITS,
): ReviewSearchStore {
  db.exec(REVIEW_SCHEMA)
  const rowOf = db.prepare<[string], Rowid>('SELECT rowid FROM review_search_docs WHERE doc_id = ?')
  const lastInMs = db.prepare<[number, number], { rowid: number | null }>(
    'SELECT max(rowid) AS rowid FROM review_search_docs WHERE rowid BETWEEN ? AND ?',
  )
  const deleteText = db.prepare<[number]>('DELETE FROM review_search WHERE rowid = ?')
  const deleteDoc = db.prepare<[number]>('DELETE FROM review_search_docs WHERE rowid = ?')
  const insertDoc = db.prepare<[number, string]>(
    'INSERT INTO review_search_docs (rowid, doc_id) VALUES (?, ?)',
  )
  const insertText = db.prepare<[number, string, string, string]>(
    'INSERT INTO review_search (rowid, agent, title, body) VALUES (?, ?, ?, ?)',
  )
  const size = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM review_search_docs')

  const removeRow = (id: string) => {
    const row = rowOf.get(id)
    if (!row) return
    deleteText.run(row.rowid)
    deleteDoc.run(row.rowid)
  }
  const putOne = (entry: ReviewEntry) => {
    removeRow(entry.id)
    const base = entry.submittedAt.getTime() * SAME_MS
    const last = lastInMs.get(base, base + SAME_MS - 1)?.rowid
    const rowid = last === null || last === undefined ? base : last + 1
    insertDoc.run(rowid, entry.id)
    insertText.run(
      rowid,
      agentToken(entry.agent),
      searchTokens(entry.title).join(' '),
      searchTokens(entry.body).join(' '),
    )
  }
  const put = db.transaction(putOne)
  const putMany = db.transaction((entries: ReviewEntry[]) => entries.forEach(putOne))
  const remove = db.transaction(removeRow)

  const rowids = async (params: unknown[]) =>
    (await reader.all<Rowid>(ROWS, params)).map((row) => row.rowid)

  return {
    async put(entry) {
      put(entry)
    },
    async putMany(entries) {
      putMany(entries)
    },
    async remove(id) {
      remove(id)
    },
    async search(agent, words, cap): Promise<ReviewHits> {
      if (!words.length || cap <= 0) return { ids: [], capped: false, narrowed: false }
      // as the article search: a rare token bounds the walk; without one, the agent's newest
      // walkCap reviews only
      let rare = false
      for (const probe of probeTokens(words)) {
        const match = reviewMatch(agent, [
          { tokens: [probe.token], prefix: probe.prefix, titleOnly: false },
        ])
        const [counted] = await reader.all<{ n: number }>(COUNT_UP_TO, [match, limits.commonAt + 1])
        if ((rare = (counted?.n ?? 0) <= limits.commonAt)) break
      }
      let from = 0
      if (!rare) {
        const [nth] = await rowids([reviewMatch(agent, []), 0, 1, limits.walkCap - 1])
        if (nth !== undefined) from = Math.floor(nth / SAME_MS) * SAME_MS
      }
      const found = await rowids([reviewMatch(agent, words), from, cap + 1, 0])
      const page = found.slice(0, cap)
      const ids = page.length
        ? (await reader.all<{ doc_id: string }>(DOC_IDS, [JSON.stringify(page)])).map(
            (row) => row.doc_id,
          )
        : []
      return { ids, capped: found.length > cap, narrowed: from > 0 }
    },
    async size() {
      return size.get()?.n ?? 0
    },
    async clear() {
      db.exec('DELETE FROM review_search; DELETE FROM review_search_docs;')
    },
  }
}
