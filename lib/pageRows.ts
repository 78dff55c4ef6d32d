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
 * Without pagination the two adapters differ: SQLite's applies `page` as an offset, MongoDB's
 * (mongoose-paginate-v2) skips nothing and would answer every page with the first. There the
 * ids up to the page are read (only the ids: the same index entries a skip walks; pages past
 * 1,000 are not served, lib/search parsePage) and the page's rows then by id.
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
  if (payload.db.name !== 'mongoose') return (await find({ ...options, pagination: false })).docs
  const { docs: leading } = await find({
    ...options,
    page: 1,
    limit: page * limit,
    pagination: false,
    depth: 0,
    select: { id: true },
  })
  const ids = leading.slice((page - 1) * limit).map((row) => row.id)
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
