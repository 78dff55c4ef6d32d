import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { queryWords } from '@/lib/search'
import { searchStoreCases } from '@/tests/helpers/searchStoreCases'

import { ftsQueries, searchIndexFile, sqliteSearchStore } from './sqlite'

const dir = mkdtempSync(path.join(tmpdir(), 'search-index-'))
let n = 0
afterAll(() => rmSync(dir, { recursive: true, force: true }))

searchStoreCases('SQLite', async () => sqliteSearchStore(path.join(dir, `${++n}.search.db`)))

describe('the FTS5 queries', () => {
  it('match each word as a phrase of its bigrams, the title first', () => {
    expect(ftsQueries(queryWords('年収 エージェント pm'))).toEqual({
      all: '"年収" AND "えー ーじ じぇ ぇん んと" AND "pm" *',
      title: 'title : ("年収" AND "えー ーじ じぇ ぇん んと" AND "pm" *)',
      bodyOnly:
        '("年収" AND "えー ーじ じぇ ぇん んと" AND "pm" *) NOT (title : ("年収" AND "えー ーじ じぇ ぇん んと" AND "pm" *))',
    })
  })

  it('keep the index beside the database file', () => {
    expect(searchIndexFile('/srv/data/site.db')).toBe('/srv/data/site.search.db')
    expect(searchIndexFile('/srv/data/site')).toBe('/srv/data/site.search.db')
  })
})
