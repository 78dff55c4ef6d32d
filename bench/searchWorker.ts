// The generator's search-index writer (bench/data.ts), on a thread of its own: folding, cutting
// into bigrams and indexing 100,000 Japanese bodies took longer than copying the articles, and
// the two can run side by side on a second core. It writes the same file, through the same
// store, as the site (lib/searchIndex/sqlite.ts); each batch is acknowledged once it is stored.
import { parentPort, workerData } from 'node:worker_threads'

import { sqliteSearchStore } from '../lib/searchIndex/sqlite'
import type { SearchEntry } from '../lib/searchIndex/types'

const port = parentPort
if (!port) throw new Error('bench/searchWorker.ts runs as a worker thread of bench/data.ts')
const store = sqliteSearchStore(workerData.file as string)

port.on('message', (entries: SearchEntry[]) => {
  store.putMany(entries).then(
    () => port.postMessage({ stored: entries.length }),
    (error: unknown) => port.postMessage({ error: String(error) }),
  )
})
