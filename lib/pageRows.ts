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
    payload.db.name === 'mongoose'
      ? (await find({ ...idsOnly, page: 1, limit: page * limit })).docs
          .slice((page - 1) * limit)
          .map((row) => row.id)
      : (await find(idsOnly)).docs.map((row) => row.id)
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
