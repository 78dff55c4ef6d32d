import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { Payload } from 'payload'

// Payload's MongoDB adapter runs transactions only on a replica set (or a sharded cluster): on a
// standalone server it turns them off when it connects, without a word. Every save that writes
// more than one document then stops being all-or-nothing.

/** What runs without transactions, or null when they are on (or the database is SQLite). */
export function mongoTransactionWarning(payload: Payload): string | null {
  if (payload.db.name !== 'mongoose') return null
  const db = payload.db as unknown as MongooseAdapter
  if (db.transactionOptions !== false) return null
  return (
    'MongoDB: the server is not a replica set, so transactions are off. A save that fails ' +
    'halfway can leave part of it stored (an article without its list rows or search entry, a ' +
    "moderation decision without the agent's figures). Run production on a replica set: README, " +
    '"Running on MongoDB".'
  )
}
