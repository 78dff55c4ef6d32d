// The generator's search-index writer (bench/data.ts), on a thread of its own: folding, cutting
// into bigrams and indexing 100,000 Japanese bodies took longer than copying the articles, and
// the two can run side by side on a second core. It writes the same file, through the same
// store, as the site (lib/searchIndex/sqlite.ts); each batch is acknowledged once it is stored.
import { parentPort, workerData } from 'node:worker_threads'

import { sqliteReviewSearchStore } from '../lib/searchIndex/reviews/sqlite'
import type { ReviewEntry } from '../lib/searchIndex/reviews/types'
import { sqliteSearchStore } from '../lib/searchIndex/sqlite'
import type { SearchEntry } from '../lib/searchIndex/types'

/** One batch for the indexes: article copies or the approved review copies. */
export type SearchBatch = { articles?: SearchEntry[]; reviews?: ReviewEntry[] }

const port = parentPort
if (!port) throw new Error('bench/searchWorker.ts runs as a worker thread of bench/data.ts')
const store = sqliteSearchStore(workerData.file as string)
const reviews = sqliteReviewSearchStore(store.connection, store.reader)

port.on('message', ({ articles = [], reviews: approved = [] }: SearchBatch) => {
  Promise.all([store.putMany(articles), reviews.putMany(approved)]).then(
    () => port.postMessage({ stored: articles.length + approved.length }),
    (error: unknown) => port.postMessage({ error: String(error) }),
  )
})
