import { isValidID, type Payload } from 'payload'

/**
 * Whether a value from a request can be a document id on the database in use: a positive
 * integer on SQLite, an ObjectId on MongoDB, a non-empty string otherwise. Checked before a
 * query so that `/api/articles/abc` answers 404 instead of a database error.
 */
export function isDocumentId(payload: Pick<Payload, 'db'>, value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false
  const text = String(value)
  if (payload.db.defaultIDType === 'number') return /^[1-9]\d{0,14}$/.test(text)
  if (payload.db.name === 'mongoose') return isValidID(text, 'ObjectID')
  return text.length > 0 && text.length <= 128
}
