import type {
  CollectionSlug,
  FindOptions,
  Payload,
  SelectType,
  TransformCollectionWithSelect,
} from 'payload'

/**
 * One page of a collection's rows in the query's order, without counting the matches: the lists
 * readers page through are numbered by counts kept elsewhere (cached, or the agent's own review
 * count), and Payload counts every match whenever it paginates.
 *
 * Past the first page, the page's ids are read first and its rows then by id. Only ids: on
 * SQLite the skipped rows are then index entries alone (the row id is in every index), where a
 * page read whole made SQLite read every skipped row from the table (page 250 of a category,
 * 2,490 rows spread over the whole table for ten). Pages past 1,000 are not served
 * (lib/search parsePage), so the skip is bounded too.
 *
 * Without pagination the two adapters differ: SQLite's applies `page` as an offset, MongoDB's
 * (mongoose-paginate-v2) skips nothing and would answer every page with the first. There the
 * ids up to the page are read (the same index entries a skip walks) and the page's cut out.
 */
// on MongoDB, pages whose ids up to them are at most this many are cut from one id read
const MONGO_IDS_UP_TO = 5_000

export async function pageRows<TSlug extends CollectionSlug, TSelect extends SelectType>(
  payload: Payload,
  options: FindOptions<TSlug, TSelect> & { page: number; limit: number },
): Promise<TransformCollectionWithSelect<TSlug, TSelect>[]> {
  type Row = TransformCollectionWithSelect<TSlug, TSelect> & { id: string | number }
  // Payload's find, typed for this collection's rows (its own generics are too wide to infer
  // through a wrapper)
  const find = payload.find as unknown as (args: object) => Promise<{ docs: Row[] }>
  const { page, limit } = options
  if (page === 1) return (await find({ ...options, pagination: false })).docs
  const idsOnly = { ...options, pagination: false, depth: 0, select: { id: true } }
  const ids =
    payload.db.name !== 'mongoose'
      ? (await find(idsOnly)).docs.map((row) => row.id)
      : page * limit <= MONGO_IDS_UP_TO
        ? (await find({ ...idsOnly, page: 1, limit: page * limit })).docs
            .slice((page - 1) * limit)
            .map((row) => row.id)
        : // deeper, mongoose-paginate's skip (and its count) instead of every id up to the page
          (await find({ ...idsOnly, pagination: true })).docs.map((row) => row.id)
  if (!ids.length) return []
  const { docs } = await find({
    ...options,
    where: { id: { in: ids } },
    sort: undefined,
    page: 1,
    limit: ids.length,
    pagination: false,
  })
  const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
  return ids.flatMap((id) => byId.get(String(id)) ?? [])
}

/** Rows read at a time by eachPage. */
export const WALK_PAGE_SIZE = 500

/**
 * Walks every match of a query a page at a time, handing each page to `visit` and keeping none:
 * for work that must see every match (a report's sums, a job's sweep), folded as it goes. The
 * order should be unique (`id` last) so that no row is seen twice or skipped. A walk longer than
 * `maxRows` stops with `tooMany` (a request answers with a clear error instead of exhausting the
 * process); jobs leave it unbounded.
 */
export async function eachPage<TSlug extends CollectionSlug, TSelect extends SelectType>(
  payload: Payload,
  options: Omit<FindOptions<TSlug, TSelect>, 'page' | 'limit' | 'pagination'>,
  visit: (rows: TransformCollectionWithSelect<TSlug, TSelect>[]) => Promise<void> | void,
  { maxRows = Infinity, tooMany }: { maxRows?: number; tooMany?: () => Error } = {},
): Promise<number> {
  type Page = { docs: TransformCollectionWithSelect<TSlug, TSelect>[]; hasNextPage: boolean }
  const find = payload.find as unknown as (args: object) => Promise<Page>
  let seen = 0
  for (let page = 1; ; page++) {
    const result = await find({ ...options, page, limit: WALK_PAGE_SIZE, pagination: true })
    seen += result.docs.length
    if (seen > maxRows) throw tooMany?.() ?? new Error(`more than ${maxRows} rows`)
    await visit(result.docs)
    if (!result.hasNextPage) return seen
  }
}
