import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import { isValidObjectId, Types, type ClientSession } from 'mongoose'
import type {
  CollectionAfterDeleteHook,
  CollectionBeforeDeleteHook,
  FlattenedField,
  Payload,
  PayloadRequest,
  SanitizedConfig,
} from 'payload'

import { PublicError } from '@/lib/publicError'

// What becomes of the documents that point at a deleted one. On SQLite the schema's foreign keys
// decide: a single reference is set to null, an entry of a list of references is removed (the
// relationship rows cascade), and a required reference makes the delete fail on its NOT NULL
// column. MongoDB has no foreign keys and would keep the dead id. So, on both databases alike:
// a document that a required reference still points at is not deleted (refused with the reason,
// before SQLite's constraint would fail with a database error), and on MongoDB the other
// references are cleared as SQLite's foreign keys clear them.

type Reference = {
  path: string // dotted path in the stored document
  many: boolean
  polymorphic: boolean
  required: boolean
}

/** The fields of a collection that refer to `target`, at the top level and in groups. */
function referencesTo(fields: FlattenedField[], target: string, prefix = ''): Reference[] {
  return fields.flatMap((field): Reference[] => {
    if ((field.type === 'group' || field.type === 'tab') && 'flattenedFields' in field)
      return referencesTo(field.flattenedFields, target, `${prefix}${field.name}.`)
    if (field.type !== 'relationship' && field.type !== 'upload') return []
    const polymorphic = Array.isArray(field.relationTo)
    const points = polymorphic
      ? (field.relationTo as string[]).includes(target)
      : field.relationTo === target
    if (!points) return []
    // arrays and blocks are left out: none of this site's refers to another document
    return [
      {
        path: `${prefix}${field.name}`,
        many: Boolean(field.hasMany),
        polymorphic,
        required: Boolean(field.required) && !prefix,
      },
    ]
  })
}

type Holder = { collection: SanitizedConfig['collections'][number]; references: Reference[] }
const holdersByConfig = new WeakMap<SanitizedConfig, Map<string, Holder[]>>()

/**
 * The collections with fields that refer to `target`, and those fields: worked out once per
 * configuration and target, not on every delete.
 */
function holdersOf(config: SanitizedConfig, target: string): Holder[] {
  let byTarget = holdersByConfig.get(config)
  if (!byTarget) holdersByConfig.set(config, (byTarget = new Map()))
  let holders = byTarget.get(target)
  if (!holders) {
    holders = config.collections
      .map((collection) => ({
        collection,
        references: referencesTo(collection.flattenedFields, target),
      }))
      .filter((holder) => holder.references.length > 0)
    byTarget.set(target, holders)
  }
  return holders
}

/** Removes every reference to a deleted document (on MongoDB; SQLite's foreign keys did it). */
export async function clearReferences(
  payload: Payload,
  target: string,
  id: string | number,
  req?: PayloadRequest,
): Promise<void> {
  if (payload.db.name !== 'mongoose') return
  const db = payload.db as unknown as MongooseAdapter
  const session = req?.transactionID
    ? (db.sessions?.[String(await req.transactionID)] as ClientSession | undefined)
    : undefined
  // stored as an ObjectId when it is one (Payload's default ids), else as given
  const forms = [id, ...(isValidObjectId(id) ? [new Types.ObjectId(String(id))] : [])]
  const value = { $in: forms }
  for (const { collection, references } of holdersOf(payload.config, target)) {
    const models = [
      { model: db.collections[collection.slug], prefix: '' },
      { model: db.versions[collection.slug], prefix: 'version.' },
    ]
    for (const { model, prefix } of models) {
      if (!model) continue
      for (const reference of references) {
        const path = prefix + reference.path
        if (reference.many && reference.polymorphic) {
          for (const form of forms)
            await model.updateMany(
              { [path]: { $elemMatch: { relationTo: target, value: form } } },
              { $pull: { [path]: { relationTo: target, value: form } } },
              { session },
            )
        } else if (reference.many) {
          await model.updateMany({ [path]: value }, { $pullAll: { [path]: forms } }, { session })
        } else {
          const filter = reference.polymorphic
            ? { [`${path}.relationTo`]: target, [`${path}.value`]: value }
            : { [path]: value }
          await model.updateMany(filter, { $set: { [path]: null } }, { session })
        }
      }
    }
  }
}

/** The afterDelete hook every collection gets (payload.config.ts, through plugins/). */
export const clearReferencesAfterDelete: CollectionAfterDeleteHook = async ({
  collection,
  id,
  req,
}) => {
  await clearReferences(req.payload, collection.slug, id, req)
}

const japanese = (label: unknown, fallback: string): string =>
  typeof label === 'string'
    ? label
    : label && typeof label === 'object' && 'ja' in label
      ? String((label as { ja: unknown }).ja)
      : fallback

/**
 * Refuses to delete a document that a required reference of another document points at (an
 * agent with reviews or affiliate links), saying which and how many. Runs after the
 * collection's own beforeDelete hooks, which remove what is derived from the document.
 */
export const refuseWhileRequired: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const holders: string[] = []
  for (const { collection: other, references } of holdersOf(req.payload.config, collection.slug)) {
    const required = references.filter(
      (reference) => reference.required && !reference.many && !reference.polymorphic,
    )
    for (const reference of required) {
      const { totalDocs } = await req.payload.count({
        collection: other.slug,
        where: { [reference.path]: { equals: id } },
        overrideAccess: true,
        req,
      })
      if (totalDocs > 0)
        holders.push(
          `${japanese(other.labels?.plural, other.slug)} ${totalDocs.toLocaleString('ja-JP')}件`,
        )
    }
  }
  if (holders.length)
    throw new PublicError(
      `この${japanese(collection.labels?.singular, 'ドキュメント')}は${holders.join('、')}から参照されているため削除できません。先にそれらを削除するか、参照先を変更してください。`,
      409,
    )
}
