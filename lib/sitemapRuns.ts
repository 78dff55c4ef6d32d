import type { Payload, Where } from 'payload'

import { pageRows } from './pageRows'

// The rows behind the sitemap's files of addresses (lib/sitemap.ts): published articles by first
// publication, published reviews by submission, each oldest first and cut into files of
// `perFile`. A file is the run of rows whose date lies between its first row's and the next
// file's first row's, so a file, its rows and its <lastmod> are read as ranges of one index
// ({status, date, createdAt, updatedAt} on each collection) instead of an offset over the
// whole archive for every part of a file: at a million reviews, the last file's parts each
// walked the million index entries before it. (Rows of the same millisecond as the next file's
// first row count for the next file.)

/** One kind of sitemap address: a collection's public rows in the order of one date. */
export type SitemapRun = {
  collection: 'articles' | 'reviews'
  /** the public rows: published articles, approved reviews */
  where: Where
  order: 'publishedAt' | 'submittedAt'
  /** readers' access (articles' live versions) or the server's, kept public by `where` */
  access: { overrideAccess: boolean; draft?: false }
}

/** Rows a file reads at a time, letting other requests in between (a divisor of a file). */
export const SITEMAP_PART = 500

type Dated = { id: string | number } & Record<string, unknown>

// Payload's find and pageRows, typed for these runs (their generics are too wide to infer here)
const find = (payload: Payload, args: object) =>
  (payload.find as unknown as (a: object) => Promise<{ docs: Dated[] }>)(args)
const rowsOf = (payload: Payload, args: object) =>
  (pageRows as unknown as (p: Payload, a: object) => Promise<Dated[]>)(payload, args)

/** The date of the first row of file `n` (an offset over the run's index, ids only). */
async function firstDateOf(payload: Payload, run: SitemapRun, n: number, perFile: number) {
  const [row] = await rowsOf(payload, {
    collection: run.collection,
    where: run.where,
    sort: run.order,
    page: n * perFile + 1,
    limit: 1,
    depth: 0,
    select: { [run.order]: true },
    ...run.access,
  })
  return (row?.[run.order] as string | undefined) ?? null
}

/** The where of file `n`'s rows, from its bounds (null: open on that side). */
const rangeOf = (run: SitemapRun, from: string | null, to: string | null): Where => ({
  and: [
    run.where,
    ...(from ? [{ [run.order]: { greater_than_equal: from } }] : []),
    ...(to ? [{ [run.order]: { less_than: to } }] : []),
  ],
})

/** The rows of file `n`, oldest first, read a part at a time; null past the last file. */
export async function sitemapFileRows(
  payload: Payload,
  run: SitemapRun,
  n: number,
  perFile: number,
  select: Record<string, true>,
): Promise<Dated[] | null> {
  const [from, to] = await Promise.all([
    n === 0 ? null : firstDateOf(payload, run, n, perFile),
    firstDateOf(payload, run, n + 1, perFile),
  ])
  if (n > 0 && !from) return null
  const where = rangeOf(run, from, to)
  const rows: Dated[] = []
  for (let part = 1; ; part++) {
    if (part > 1) await new Promise((resolve) => setImmediate(resolve))
    const docs = await rowsOf(payload, {
      collection: run.collection,
      where,
      sort: run.order,
      page: part,
      limit: SITEMAP_PART,
      depth: 0,
      select,
      ...run.access,
    })
    rows.push(...docs)
    // a run of one millisecond longer than a file is cut at the file's size
    if (docs.length < SITEMAP_PART || rows.length >= perFile * 2) return rows
  }
}

/**
 * When each of the first `files` files last changed (the index's <lastmod>): the latest
 * `updatedAt` in its range of dates, one sorted read of one index entry each, after the
 * bounds (two small reads a file) instead of reading its rows.
 */
export async function sitemapFileDates(
  payload: Payload,
  run: SitemapRun,
  files: number,
  perFile: number,
): Promise<(string | null)[]> {
  const bounds = await Promise.all(
    Array.from({ length: files + 1 }, (_, n) =>
      n === 0 || n === files ? null : firstDateOf(payload, run, n, perFile),
    ),
  )
  return Promise.all(
    Array.from({ length: files }, async (_, n) => {
      // a file past the last row (one left the run since it was counted) has no date
      if (n > 0 && !bounds[n]) return null
      const { docs } = await find(payload, {
        collection: run.collection,
        where: rangeOf(run, bounds[n] ?? null, bounds[n + 1] ?? null),
        sort: '-updatedAt',
        limit: 1,
        pagination: false,
        depth: 0,
        select: { updatedAt: true },
        ...run.access,
      })
      return (docs[0]?.updatedAt as string | undefined) ?? null
    }),
  )
}
