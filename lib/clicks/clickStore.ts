import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm'
import type { Payload } from 'payload'

import type { ClickRecord } from './buffer'

// The one place that knows the database for clicks. Everything else calls these two functions.
// - writeClicks: a batch of clicks and the rollup counts they add, in one write. On SQLite one
//   libsql batch (a transaction: the clicks and their counts are stored together or not at
//   all) through the adapter's own Drizzle client and tables; on MongoDB an insertMany and a
//   bulkWrite of $inc upserts through the adapter's mongoose models (which cast ids and dates
//   by the collection's schema; MongoDB has no transaction without a replica set, so a crash
//   between the two can leave the counts one batch short; stated in the README).
// - sumRollups: the report's sums, grouped in the database (GROUP BY / $group), so a 90-day
//   report reads the rollup rows' sums, not the rows themselves.
// Clicks and rollups have no hooks, and every field is built by the server, so going around
// Payload's create skips nothing they need.

export type RollupDelta = {
  key: string
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
const adapterOf = (payload: Payload) => payload.db as unknown as Adapter

export async function writeClicks(
  payload: Payload,
  clicks: ClickRecord[],
  deltas: RollupDelta[],
): Promise<void> {
  if (clicks.length === 0) return
  const db = adapterOf(payload)
  const now = new Date().toISOString()
  const rows = clicks.map((click) => ({ ...click, updatedAt: click.createdAt }))
  if (db.name === 'mongoose') {
    const mongo = db as MongooseAdapter
    await mongo.collections.clicks.insertMany(rows, { ordered: true })
    if (deltas.length)
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
    return
  }
  const sqlite = db as SQLiteAdapter
  const clicksTable = sqlite.tables.clicks!
  const rollups = sqlite.tables.click_rollups!
  const upserts = deltas.map(({ clicks: added, uniques, ...fields }) =>
    sqlite.drizzle
      .insert(rollups)
      .values({ ...fields, clicks: added, uniques, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: rollups.key!,
        set: {
          clicks: sql`${rollups.clicks} + ${added}`,
          uniques: sql`${rollups.uniques} + ${uniques}`,
          updatedAt: now,
        },
      }),
  )
  await sqlite.drizzle.batch([sqlite.drizzle.insert(clicksTable).values(rows), ...upserts])
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
  if (db.name === 'mongoose') {
    const mongo = db as MongooseAdapter
    const rows = await mongo.collections['click-rollups'].aggregate<Record<string, unknown>>([
      {
        $match: {
          day: { $gte: filter.fromDay, $lte: filter.toDay },
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
  const conditions: SQL[] = [gte(t.day!, filter.fromDay), lte(t.day!, filter.toDay)]
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
