import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { integer, sqliteTable, text } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { Payload } from 'payload'
import {
  RateLimiterDrizzle,
  RateLimiterMongo,
  type RateLimiterAbstract,
  type RateLimiterStoreAbstract,
} from 'rate-limiter-flexible'

// Rate limits that must hold across processes and restarts (readers' review submissions,
// reports, votes) are kept in the site's own database by rate-limiter-flexible: its Mongo store
// on MongoDB, its Drizzle store on the embedded SQLite database (the adapter's own Drizzle
// client, in a table the migrations create). Both count with one atomic upsert per request, so
// parallel requests cannot slip past a limit. This is the one place that knows which database
// is in use; everything else asks for a limiter here.

/** The SQLite table of the Drizzle store (added to Payload's schema in payload.config.ts). */
export const rateLimitsTable = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: integer('expire', { mode: 'timestamp_ms' }),
})

/** Adds the store's table to Payload's Drizzle schema, so migrations and push create it. */
export const withRateLimitsTable = <S extends { tables: Record<string, unknown> }>({
  schema,
}: {
  schema: S
}): S => ({ ...schema, tables: { ...schema.tables, rate_limits: rateLimitsTable } })

export type LimitOptions = {
  /** a name for the limit, kept apart from every other limit's keys */
  keyPrefix: string
  points: number
  /** seconds */
  duration: number
}

/** A limiter whose counts are stored in the site's database. */
export function storedLimiter(payload: Payload, options: LimitOptions): RateLimiterAbstract {
  // the adapter in use, whichever payload-types.ts was generated against
  const db = payload.db as unknown as MongooseAdapter | SQLiteAdapter
  const limiter: RateLimiterStoreAbstract =
    db.name === 'mongoose'
      ? new RateLimiterMongo({
          storeClient: (db as MongooseAdapter).connection,
          tableName: 'rate_limits',
          ...options,
        })
      : new RateLimiterDrizzle({
          storeClient: (db as SQLiteAdapter).drizzle,
          schema: rateLimitsTable,
          // expired rows are removed by the store itself every few minutes
          clearExpiredByTimeout: true,
          ...options,
        })
  return limiter
}

const LIMITERS = Symbol.for('career-media.stored-limiters')

/** The one stored limiter of this name for this Payload instance (created on first use). */
export function sharedLimiter(payload: Payload, options: LimitOptions): RateLimiterAbstract {
  const holder = payload as Payload & { [LIMITERS]?: Map<string, RateLimiterAbstract> }
  holder[LIMITERS] ??= new Map()
  let limiter = holder[LIMITERS].get(options.keyPrefix)
  if (!limiter) {
    limiter = storedLimiter(payload, options)
    holder[LIMITERS].set(options.keyPrefix, limiter)
  }
  return limiter
}

const isRateLimited = (error: unknown) =>
  typeof error === 'object' && error !== null && 'msBeforeNext' in error

/** Takes one point; false when the key is over its limit (a store failure still throws). */
export async function takePoint(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    await limiter.consume(key)
    return true
  } catch (error) {
    if (isRateLimited(error)) return false
    throw error
  }
}
