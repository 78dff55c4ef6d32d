import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import {
  and,
  eq,
  getTableColumns,
  getTableName,
  gte,
  inArray,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Payload } from 'payload'

import type { ClickRecord } from './buffer'
import type { VisitorMarker } from './rollups'
import { bucketOf, bucketsFor, GRAINS, type Grain } from './grains'

// The one place that knows the database for clicks. Everything else calls these functions.
// - writeClicks: a batch of clicks, the rollup counts and the visitor markers they add, in one
//   write. On SQLite one libsql batch (a transaction: the clicks and their counts are stored
//   together or not at all) through the adapter's own Drizzle client and tables; on MongoDB an
//   insertMany and bulkWrites of upserts through the adapter's mongoose models (which cast ids
//   and dates by the collection's schema; MongoDB has no transaction without a replica set, so
//   a crash between them can leave the counts one batch short; stated in the README).
// - sumRollups: the report's sums, grouped in the database (GROUP BY / $group), so a 90-day
//   report reads the rollup rows' sums, not the rows themselves.
// Clicks and rollups have no hooks, and every field is built by the server, so going around
// Payload's create skips nothing they need.

export type RollupDelta = {
  key: string
  /** 'day' as rollupDeltas makes them; the store adds the block and month rows */
  grain?: Grain
  day: string
  link: ClickRecord['link']
  article: ClickRecord['article']
  placement: string
  slot: string
  isBot: boolean
  clicks: number
  uniques: number
}

type Adapter = MongooseAdapter | SQLiteAdapter
// the statement shape of the adapter's libsql client, without depending on that package
type InStatement = Extract<
  Parameters<SQLiteAdapter['client']['batch']>[0][number],
  { args?: unknown }
>
type InValue = Extract<InStatement['args'], unknown[]>[number]

/** Day deltas with the block and month deltas they add (lib/clicks/grains.ts), merged by key. */
function inEveryGrain(deltas: RollupDelta[]): RollupDelta[] {
  const all = new Map<string, RollupDelta>()
  for (const delta of deltas) {
    const rest = delta.key.slice(delta.key.indexOf('|') + 1)
    for (const grain of GRAINS) {
      const day = bucketOf(grain, delta.day)
      const key = grain === 'day' ? delta.key : `${grain}:${day}|${rest}`
      const row = all.get(key)
      if (row) {
        row.clicks += delta.clicks
        row.uniques += delta.uniques
      } else all.set(key, { ...delta, key, grain, day })
    }
  }
  return [...all.values()]
}
const adapterOf = (payload: Payload) => payload.db as unknown as Adapter

export async function writeClicks(
  payload: Payload,
  clicks: ClickRecord[],
  rollup: { deltas: RollupDelta[]; visitors: VisitorMarker[] },
): Promise<void> {
  if (clicks.length === 0) return
  const db = adapterOf(payload)
  const now = new Date().toISOString()
  const deltas = inEveryGrain(rollup.deltas)
  const rows = clicks.map((click) => ({ ...click, updatedAt: click.createdAt }))
  const visitors = rollup.visitors.map((v) => ({ ...v, createdAt: now, updatedAt: now }))
  if (db.name === 'mongoose') {
    const mongo = db as MongooseAdapter
    await mongo.collections.clicks.insertMany(rows, { ordered: true })
    await mongoRollups(mongo, deltas, now)
    if (visitors.length)
      await mongo.collections['click-visitors'].bulkWrite(
        visitors.map((visitor) => ({
          updateOne: {
            filter: { key: visitor.key },
            update: {
              $setOnInsert: { ...visitor, createdAt: new Date(now), updatedAt: new Date(now) },
            },
            upsert: true,
          },
        })),
        { ordered: false },
      )
    return
  }
  const sqlite = db as SQLiteAdapter
  const statements: InStatement[] = [
    insertRows(sqlite.tables.clicks!, rows),
    ...sqliteRollups(sqlite, deltas, now).map(statement),
  ]
  if (visitors.length)
    statements.push(
      statement(
        sqlite.drizzle.insert(sqlite.tables.click_visitors!).values(visitors).onConflictDoNothing(),
      ),
    )
  await sqlite.client.batch(statements, 'write')
}

const statement = (query: { toSQL: () => { sql: string; params: unknown[] } }): InStatement => {
  const { sql: text, params } = query.toSQL()
  return { sql: text, args: params as InValue[] }
}

/**
 * A multi-row INSERT built as text from the table's own Drizzle columns (names and value
 * mapping): Drizzle's query builder took 10–40 ms for a batch of 500 clicks, most of a flush.
 */
function insertRows(table: SQLiteTable, rows: Record<string, unknown>[]): InStatement {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in rows[0]!)
  const one = `(${columns.map(() => '?').join(', ')})`
  return {
    sql: `INSERT INTO "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) VALUES ${rows.map(() => one).join(', ')}`,
    args: rows.flatMap((row) =>
      columns.map(([key, column]) =>
        row[key] == null ? null : (column.mapToDriverValue(row[key]) as InValue),
      ),
    ),
  }
}

async function mongoRollups(mongo: MongooseAdapter, deltas: RollupDelta[], now: string) {
  if (deltas.length === 0) return
  await mongo.collections['click-rollups'].bulkWrite(
    deltas.map(({ clicks: added, uniques, ...fields }) => ({
      updateOne: {
        filter: { key: fields.key },
        update: {
          $inc: { clicks: added, uniques },
          $setOnInsert: { ...fields, createdAt: new Date(now) },
          $set: { updatedAt: new Date(now) },
        },
        upsert: true,
      },
    })),
    { ordered: true },
  )
}

// Many rows per statement (a single upsert per row made a flush of 500 new rows 500 statements):
// a row whose key exists adds its counts to the stored ones through `excluded`.
const UPSERT_ROWS = 1_000
function sqliteRollups(sqlite: SQLiteAdapter, deltas: RollupDelta[], now: string) {
  const rollups = sqlite.tables.click_rollups!
  const statements = []
  for (let start = 0; start < deltas.length; start += UPSERT_ROWS) {
    statements.push(
      sqlite.drizzle
        .insert(rollups)
        .values(
          deltas
            .slice(start, start + UPSERT_ROWS)
            .map((delta) => ({ ...delta, createdAt: now, updatedAt: now })),
        )
        .onConflictDoUpdate({
          target: rollups.key!,
          set: {
            clicks: sql`${rollups.clicks} + excluded.clicks`,
            uniques: sql`${rollups.uniques} + excluded.uniques`,
            updatedAt: now,
          },
        }),
    )
  }
  return statements
}

/**
 * Adds counts to the rollups without clicks: for the benchmark's generated history (bench/
 * clickReport.ts), where 10 million raw clicks would only fill the disk the report never reads.
 */
export async function addRollups(payload: Payload, deltas: RollupDelta[]): Promise<void> {
  if (deltas.length === 0) return
  const db = adapterOf(payload)
  const now = new Date().toISOString()
  deltas = inEveryGrain(deltas)
  if (db.name === 'mongoose') return mongoRollups(db as MongooseAdapter, deltas, now)
  const sqlite = db as SQLiteAdapter
  const [first, ...rest] = sqliteRollups(sqlite, deltas, now)
  await sqlite.drizzle.batch([first!, ...rest])
}

export type RollupFilter = { fromDay: string; toDay: string; bots: boolean }
export type RollupGroup = 'day' | 'link' | 'page'
export type RollupSum = {
  day?: string
  link?: string | number
  placement?: string
  slot?: string
  article?: string | number | null
  clicks: number
  uniques: number
}

const GROUPS: Record<RollupGroup, readonly ('day' | 'link' | 'placement' | 'slot' | 'article')[]> =
  {
    day: ['day'],
    link: ['link'],
    page: ['placement', 'slot', 'article'],
  }

/** Clicks and unique clicks in a range of Japan days, summed by day, by link or by page and slot. */
export async function sumRollups(
  payload: Payload,
  filter: RollupFilter,
  by: RollupGroup,
): Promise<RollupSum[]> {
  const db = adapterOf(payload)
  const keys = GROUPS[by]
  // by day: the day rows of the range; otherwise the fewest buckets that cover it exactly
  const buckets: Partial<Record<Grain, string[]>> =
    by === 'day'
      ? {}
      : Object.fromEntries(
          Object.entries(bucketsFor(filter.fromDay, filter.toDay)).filter(([, d]) => d.length),
        )
  if (db.name === 'mongoose') {
    const mongo = db as MongooseAdapter
    const rows = await mongo.collections['click-rollups'].aggregate<Record<string, unknown>>([
      {
        $match: {
          ...(by === 'day'
            ? { grain: 'day', day: { $gte: filter.fromDay, $lte: filter.toDay } }
            : {
                $or: Object.entries(buckets).map(([grain, days]) => ({
                  grain,
                  day: { $in: days },
                })),
              }),
          ...(filter.bots ? {} : { isBot: false }),
        },
      },
      {
        $group: {
          _id: Object.fromEntries(keys.map((k) => [k, `$${k}`])),
          clicks: { $sum: '$clicks' },
          uniques: { $sum: '$uniques' },
        },
      },
    ])
    return rows.map((row) => {
      const id = row._id as Record<string, unknown>
      return {
        ...Object.fromEntries(keys.map((k) => [k, id[k] == null ? null : String(id[k])])),
        clicks: Number(row.clicks),
        uniques: Number(row.uniques),
      }
    })
  }
  const sqlite = db as SQLiteAdapter
  const t = sqlite.tables.click_rollups!
  const inRange =
    by === 'day'
      ? and(eq(t.grain!, 'day'), gte(t.day!, filter.fromDay), lte(t.day!, filter.toDay))
      : or(
          ...Object.entries(buckets).map(([grain, days]) =>
            and(eq(t.grain!, grain), inArray(t.day!, days)),
          ),
        )
  if (!inRange) return []
  const conditions: SQL[] = [inRange]
  if (!filter.bots) conditions.push(eq(t.isBot!, false))
  const columns = Object.fromEntries(keys.map((k) => [k, t[k]!]))
  const rows = await sqlite.drizzle
    .select({
      ...columns,
      clicks: sql<number>`sum(${t.clicks})`,
      uniques: sql<number>`sum(${t.uniques})`,
    })
    .from(t)
    .where(and(...conditions))
    .groupBy(...keys.map((k) => t[k]!))
  return rows.map((row) => ({ ...row, clicks: Number(row.clicks), uniques: Number(row.uniques) }))
}
