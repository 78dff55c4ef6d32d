import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import { sql, type SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { ClientSession } from 'mongodb'
import { isValidObjectId, Types } from 'mongoose'
import type { Payload, PayloadRequest } from 'payload'

import type { FigureCounts, SegmentField, SubRatingKey } from './reviewAggregates'
import { SEGMENT_FIELDS, SUB_RATING_KEYS } from './reviewAggregates'

// Grouped counts of reviews, the two the site needs, written for each database behind one
// function each. Payload's API counts one combination per query or loads every review:
// - the moderation outcomes of every agent (review queue, compliance view) took 15 count
//   queries per agent (4,500 for 300 agents, 1.5 s at 10,000 reviews);
// - an agent's figures (average, distribution, sub-ratings, segments, attribute groups),
//   recomputed after every moderation decision, read all its approved reviews through the Local
//   API: about 16 s for an agent with 58,000 reviews.
// Both are now grouped queries that return counts and sums only.

type Db = MongooseAdapter | SQLiteAdapter

const dbOf = (payload: Payload) => payload.db as unknown as Db

// a relationship is stored as an ObjectId on MongoDB when the id is one
const relation = (id: string | number) => ({
  $in: [id, ...(isValidObjectId(id) ? [new Types.ObjectId(String(id))] : [])],
})

/** The request's transaction, so a count made inside a save sees that save. */
async function sqliteDb(db: SQLiteAdapter, req?: Partial<PayloadRequest>) {
  const id = req?.transactionID ? await req.transactionID : undefined
  return ((id !== undefined && db.sessions?.[id]?.db) || db.drizzle) as SQLiteAdapter['drizzle']
}

async function mongoSession(
  db: MongooseAdapter,
  req?: Partial<PayloadRequest>,
): Promise<ClientSession | undefined> {
  const id = req?.transactionID ? await req.transactionID : undefined
  return id !== undefined ? (db.sessions?.[id] as ClientSession | undefined) : undefined
}

/** How many reviews of one agent with one rating are in one moderation state. */
export type OutcomeCount = { agent: string; rating: number; status: string; count: number }

/**
 * Counts the reviews submitted since `since` by agent, rating and state, in one query; for one
 * agent when `agent` is given.
 */
export async function countOutcomesSince(
  payload: Payload,
  since: Date,
  agent?: string | number,
): Promise<OutcomeCount[]> {
  const db = dbOf(payload)
  if (db.name === 'mongoose') {
    const rows = await (db as MongooseAdapter).collections.reviews!.aggregate<{
      _id: { agent: unknown; rating: unknown; status: unknown }
      count: number
    }>([
      {
        $match: {
          submittedAt: { $gte: since },
          ...(agent === undefined ? {} : { agent: relation(agent) }),
        },
      },
      {
        $group: {
          _id: { agent: '$agent', rating: '$rating', status: '$status' },
          count: { $sum: 1 },
        },
      },
    ])
    return rows.map(({ _id, count }) => ({
      agent: String(_id.agent),
      rating: Number(_id.rating),
      status: String(_id.status),
      count,
    }))
  }
  const rows = (await (db as SQLiteAdapter).drizzle.all(sql`
    SELECT agent_id AS agent, rating, status, count(*) AS count FROM reviews
    WHERE submitted_at >= ${since.toISOString()}
    ${agent === undefined ? sql`` : sql`AND agent_id = ${agent}`}
    GROUP BY agent_id, rating, status`)) as Record<string, unknown>[]
  return rows.map((row) => ({
    agent: String(row.agent),
    rating: Number(row.rating),
    status: String(row.status),
    count: Number(row.count),
  }))
}

// the columns and paths of the figures' inputs
const SEGMENT_COLUMN: Record<SegmentField, string> = {
  ageBand: 'age_band',
  industry: 'industry',
  experienceYears: 'experience_years',
}
const SUB_RATING_COLUMN: Record<SubRatingKey, string> = {
  offers: 'sub_ratings_offers',
  consultant: 'sub_ratings_consultant',
  proposal: 'sub_ratings_proposal',
  support: 'sub_ratings_support',
}

/**
 * The counts an agent's figures are made of (lib/reviewAggregates.ts aggregateCounts), from
 * its approved reviews; `recentSince` splits off the last 12 months. Inside `req`'s transaction
 * when it has one, so a decision being saved is counted.
 */
export async function countFigures(
  payload: Payload,
  agent: string | number,
  recentSince: Date,
  req?: Partial<PayloadRequest>,
): Promise<FigureCounts> {
  const db = dbOf(payload)
  if (db.name === 'mongoose')
    return countFiguresMongo(db as MongooseAdapter, agent, recentSince, req)

  const drizzle = await sqliteDb(db as SQLiteAdapter, req)
  const approved = sql`agent_id = ${agent} AND status = 'approved'`
  const all = async (query: ReturnType<typeof sql>) =>
    (await drizzle.all(query)) as Record<string, unknown>[]
  const num = (value: unknown) => Number(value ?? 0)

  // one pass over the agent's approved reviews, grouped finely enough for every figure: at most
  // 5 ratings × 2 periods × the attribute combinations in use
  const seg = SEGMENT_FIELDS.map((field) => SEGMENT_COLUMN[field])
  const rows = await all(sql`
    SELECT rating, submitted_at >= ${recentSince.toISOString()} AS recent,
      ${sql.raw(seg.join(', '))}, attribute_key, count(*) AS count,
      ${sql.raw(
        SUB_RATING_KEYS.map(
          (key) =>
            `sum(${SUB_RATING_COLUMN[key]}) AS ${key}_sum, count(${SUB_RATING_COLUMN[key]}) AS ${key}_count`,
        ).join(', '),
      )}
    FROM reviews WHERE ${approved}
    GROUP BY rating, recent, ${sql.raw(seg.join(', '))}, attribute_key`)

  const byRating = new Map<number, FigureCounts['byRating'][number]>()
  const subRatings = Object.fromEntries(
    SUB_RATING_KEYS.map((key) => [key, { sum: 0, count: 0 }]),
  ) as FigureCounts['subRatings']
  const segments = new Map<string, FigureCounts['segments'][number]>()
  const groups = new Map<string, number>()
  for (const row of rows) {
    const rating = num(row.rating)
    const count = num(row.count)
    const ratingRow = byRating.get(rating) ?? { rating, count: 0, recent: 0 }
    ratingRow.count += count
    if (num(row.recent)) ratingRow.recent += count
    byRating.set(rating, ratingRow)
    for (const key of SUB_RATING_KEYS) {
      subRatings[key].sum += num(row[`${key}_sum`])
      subRatings[key].count += num(row[`${key}_count`])
    }
    for (const field of SEGMENT_FIELDS) {
      const raw = row[SEGMENT_COLUMN[field]]
      const value = raw === null || raw === undefined ? null : String(raw)
      const id = `${field}\u0000${value}`
      const segment = segments.get(id) ?? { field, value, count: 0, sum: 0 }
      segment.count += count
      segment.sum += rating * count
      segments.set(id, segment)
    }
    const key = String(row.attribute_key ?? '')
    groups.set(key, (groups.get(key) ?? 0) + count)
  }
  return {
    byRating: [...byRating.values()],
    subRatings,
    segments: [...segments.values()],
    attributeGroups: [...groups].map(([key, count]) => ({ key, count })),
  }
}

async function countFiguresMongo(
  db: MongooseAdapter,
  agent: string | number,
  recentSince: Date,
  req?: Partial<PayloadRequest>,
): Promise<FigureCounts> {
  const reviews = db.collections.reviews!
  const session = await mongoSession(db, req)
  const approved = { agent: relation(agent), status: 'approved' }
  type Group = { _id: unknown; count: number; sum?: number }
  const group = (match: object, by: string | null, sum?: string) =>
    reviews
      .aggregate<Group>(
        [
          { $match: { ...approved, ...match } },
          {
            $group: {
              _id: by,
              count: { $sum: 1 },
              ...(sum ? { sum: { $sum: sum } } : {}),
            },
          },
        ],
        { session },
      )
      .exec()

  const [allRatings, recentRatings] = await Promise.all([
    group({}, '$rating'),
    group({ submittedAt: { $gte: recentSince } }, '$rating'),
  ])
  const recentOf = new Map(recentRatings.map((row) => [Number(row._id), row.count]))
  const subRatings = Object.fromEntries(
    await Promise.all(
      SUB_RATING_KEYS.map(async (key) => {
        const path = `subRatings.${key}`
        const [row] = await group({ [path]: { $type: 'number' } }, null, `$${path}`)
        return [key, { sum: row?.sum ?? 0, count: row?.count ?? 0 }]
      }),
    ),
  ) as FigureCounts['subRatings']
  const segments = (
    await Promise.all(
      SEGMENT_FIELDS.map(async (field) =>
        (await group({}, `$${field}`, '$rating')).map((row) => ({
          field,
          value: row._id === null || row._id === undefined ? null : String(row._id),
          count: row.count,
          sum: row.sum ?? 0,
        })),
      ),
    )
  ).flat()
  const groups = await group({}, '$attributeKey')

  return {
    byRating: allRatings.map((row) => ({
      rating: Number(row._id),
      count: row.count,
      recent: recentOf.get(Number(row._id)) ?? 0,
    })),
    subRatings,
    segments,
    attributeGroups: groups.map((row) => ({ key: String(row._id ?? ''), count: row.count })),
  }
}
