import type { FlattenedField, Payload, PayloadRequest } from 'payload'

import { PATH_REFUSALS, type FieldInfo } from '@/lib/apiQueryRules'

// What a where path of a REST or GraphQL query names, read from the collections' sanitized
// fields, for the API guard (./guardApiQuery.ts). Payload's own check of a path stops at less
// than its adapters can run: a field inside a virtual array, the inside of rich text, a join
// reached through a relationship or `_id` pass it and end in a 500 on SQLite (on MongoDB the
// virtual array answers an empty list instead of a refusal). Here a path is followed segment
// by segment and anything but a stored field of a collection the requester may read is
// refused before the query runs.

type Collections = Record<string, Payload['collections']['articles']>

/** A path as the guard resolved it, and the read access it needs of the requester. */
export type ResolvedPath = {
  info: FieldInfo
  /** fields on the way with read access of their own (a group only staff may read, say) */
  guardedFields: FlattenedField[]
  /** the collections the path reaches through relationships */
  related: string[]
}

const ID_INFO: FieldInfo = { type: 'id', isId: true, indexed: true, unique: true }

export function infoOf(field: FlattenedField): FieldInfo {
  const single =
    (field.type === 'relationship' || field.type === 'upload') &&
    typeof field.relationTo === 'string'
  return {
    type: field.type,
    hasMany: 'hasMany' in field && Boolean(field.hasMany),
    isId: single,
    indexed: Boolean(('index' in field && field.index) || ('unique' in field && field.unique)),
    unique: 'unique' in field && Boolean(field.unique),
  }
}

/**
 * The field a dotted where path names, through groups, tabs, arrays and single-collection
 * relationships; `info.unqueryable` says why when it names nothing a condition can test.
 */
// A path through a relationship is indexed only when the relationship is too: otherwise the
// database reads every row to join it.
export function resolveWherePath(payload: Payload, slug: string, rawPath: string): ResolvedPath {
  const collections = payload.collections as Collections
  const resolved: ResolvedPath = { info: ID_INFO, guardedFields: [], related: [] }
  const refused = (why: string): ResolvedPath => ({
    ...resolved,
    info: { type: 'unknown', unqueryable: why },
  })
  // Payload reads `a__b` as `a.b` (GraphQL's names of nested fields); `_id` it reads as `id`,
  // but SQLite's adapter does not, so it stays unknown
  const path = rawPath.replace(/__/g, '.')
  if (path === 'id') return resolved
  let fields: readonly FlattenedField[] = collections[slug]?.config.flattenedFields ?? []
  let joinsIndexed = true
  const done = (info: FieldInfo): ResolvedPath => ({
    ...resolved,
    info: {
      ...info,
      indexed: joinsIndexed && info.indexed,
      ...(resolved.related.length > 0 && { viaRelationship: true }),
    },
  })
  const parts = path.split('.')
  for (const [i, part] of parts.entries()) {
    const field = fields.find((f) => f.name === part)
    if (!field) return refused(PATH_REFUSALS.unknown)
    if ('hidden' in field && field.hidden) return refused(PATH_REFUSALS.notPublic)
    if ('virtual' in field && field.virtual) return refused(PATH_REFUSALS.virtual)
    if (field.access?.read) resolved.guardedFields.push(field)
    if (field.type === 'join') return refused(PATH_REFUSALS.join)
    const info = infoOf(field)
    const last = i === parts.length - 1
    if (field.type === 'relationship' || field.type === 'upload') {
      if (typeof field.relationTo !== 'string') return refused(PATH_REFUSALS.polymorphic)
      if (last) return done(info)
      if (parts[i + 1] === 'id' && i + 2 === parts.length) {
        return done({ ...ID_INFO, indexed: info.indexed, unique: false, viaRelationship: true })
      }
      joinsIndexed &&= info.indexed === true
      resolved.related.push(field.relationTo)
      fields = collections[field.relationTo]?.config.flattenedFields ?? []
      continue
    }
    if (field.type === 'blocks') return refused(PATH_REFUSALS.insideBlocks)
    if ('flattenedFields' in field) {
      if (last) return refused(PATH_REFUSALS.container)
      fields = field.flattenedFields
      continue
    }
    if (last) return done(info)
    if (field.type === 'richText' || field.type === 'json') {
      return refused(PATH_REFUSALS.insideDocument)
    }
    // a path that goes on past a value (`title.x`)
    return refused(PATH_REFUSALS.unknown)
  }
  return refused(PATH_REFUSALS.unknown)
}

/**
 * Why the requester may not test a resolved path (a field or a related collection they may not
 * read), or null. Payload would refuse these too, in English and naming only the last segment.
 */
export async function unreadableProblem(
  req: PayloadRequest,
  resolved: ResolvedPath,
): Promise<string | null> {
  for (const field of resolved.guardedFields) {
    // as Payload asks it for a query: of no document in particular
    if (!(await field.access?.read?.({ req }))) return PATH_REFUSALS.notPublic
  }
  const collections = req.payload.collections as Collections
  for (const slug of resolved.related) {
    // a where (published only, say) is Payload's to add to the query; false is a refusal
    const read = collections[slug]?.config.access.read
    if (!read || !(await read({ req }))) return PATH_REFUSALS.relatedNotPublic
  }
  return null
}
