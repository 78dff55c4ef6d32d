import path from 'node:path'
import { Worker } from 'node:worker_threads'

// The search index's reads run on one worker thread (./sqliteReader.worker.mjs) with a
// connection of its own to the index file; writes stay on the main thread's connection. The
// driver is synchronous, so a read on the main thread blocked every other request while it ran.
//
// The worker's file is found at run time from the project folder (the server and the tests run
// from it), through a bound path.join that the bundler's file tracing does not read (as in
// lib/env.ts): a `new URL(…, import.meta.url)` would point into Next's build output, where the
// file is not.
const joinPath = path.join.bind(path)
const workerFile = () => joinPath(process.cwd(), 'lib', 'searchIndex', 'sqliteReader.worker.mjs')

/** The search thread stopped while a search waited on it; the next search starts a new one. */
export class SearchUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the search thread stopped before it answered; the next search starts a new one', {
      cause,
    })
    this.name = 'SearchUnavailableError'
  }
}

type Pending = { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }
type Answer = { id: number; rows?: unknown[]; error?: string }

export type FtsReader = {
  /** the rows of one read-only statement, run on the search thread */
  all<Row>(sql: string, params: unknown[]): Promise<Row[]>
  /** stops the thread (a later read starts a new one) */
  close(): Promise<void>
  /** the thread serving reads now, if one runs (the tests stop it to see the next one start) */
  thread(): Worker | null
}

export function ftsReader(file: string, busyTimeoutMs: number): FtsReader {
  let worker: Worker | null = null
  let nextId = 0
  const pending = new Map<number, Pending>()

  const start = () => {
    const thread = new Worker(workerFile(), { workerData: { file, busyTimeoutMs } })
    // an idle thread never keeps the process alive; one with reads in flight does (below)
    thread.unref()
    thread.on('message', ({ id, rows, error }: Answer) => {
      const request = pending.get(id)
      if (!request) return
      pending.delete(id)
      if (!pending.size) thread.unref()
      if (error !== undefined) request.reject(new Error(`search index: ${error}`))
      else request.resolve(rows ?? [])
    })
    // 'error' (an exception in the thread) is followed by 'exit'; the first one fails the reads
    const gone = (cause: unknown) => {
      if (worker !== thread) return
      worker = null
      const failed = [...pending.values()]
      pending.clear()
      for (const request of failed) request.reject(new SearchUnavailableError(cause))
    }
    thread.on('error', gone)
    thread.on('exit', (code) => gone(new Error(`search thread exited with code ${code}`)))
    return thread
  }

  return {
    all<Row>(sql: string, params: unknown[]) {
      const thread = (worker ??= start())
      const id = ++nextId
      return new Promise<Row[]>((resolve, reject) => {
        pending.set(id, { resolve: resolve as Pending['resolve'], reject })
        thread.ref()
        thread.postMessage({ id, sql, params })
      })
    },
    async close() {
      const thread = worker
      if (thread) await thread.terminate()
    },
    thread: () => worker,
  }
}
