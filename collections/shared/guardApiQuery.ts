import type { CollectionBeforeOperationHook, FlattenedField, Payload } from 'payload'

import { isStaffUser } from '@/access/isStaff'
import {
  boundedForVisitor,
  checkVisitorWhere,
  checkWhere,
  numberProblem,
  QueryRuleError,
  visitorOffsetProblem,
  visitorSortProblem,
  type FieldInfo,
  type IndexContext,
} from '@/lib/apiQueryRules'
import { isDocumentId } from '@/lib/documentIds'
import { PublicError } from '@/lib/publicError'

const LISTING_OPERATIONS = new Set(['read', 'count', 'readDistinct'])

function infoOf(field: FlattenedField): FieldInfo {
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

type Collections = Record<string, Payload['collections']['articles']>

/** The field a dotted where path names, through groups and single-collection relationships. */
// A path through a relationship is indexed only when the relationship is too: otherwise the
// database reads every row to join it.
function fieldAt(payload: Payload, slug: string, path: string): FieldInfo | undefined {
  if (path === 'id') return { type: 'id', isId: true, indexed: true, unique: true }
  const collections = payload.collections as Collections
  let fields: FlattenedField[] | undefined = collections[slug]?.config.flattenedFields
  let joinsIndexed = true
  const parts = path.split('.')
  for (const [i, part] of parts.entries()) {
    const field: FlattenedField | undefined = fields?.find((f) => 'name' in f && f.name === part)
    if (!field) return undefined
    const info = infoOf(field)
    if (i === parts.length - 1) return { ...info, indexed: joinsIndexed && info.indexed }
    if (parts[i + 1] === 'id' && i + 2 === parts.length && info.isId) {
      return { type: 'id', isId: true, indexed: joinsIndexed && info.indexed }
    }
    if ('flattenedFields' in field) fields = field.flattenedFields
    else if (
      (field.type === 'relationship' || field.type === 'upload') &&
      typeof field.relationTo === 'string'
    ) {
      joinsIndexed &&= info.indexed === true
      fields = collections[field.relationTo]?.config.flattenedFields
    } else return undefined
  }
  return undefined
}

/** What the visitor rules need of a collection's indexes, read from its config. */
function indexContext(payload: Payload, slug: string): IndexContext {
  const config = (payload.collections as Collections)[slug]?.config
  return {
    fieldAt: (path) => fieldAt(payload, slug, path),
    compoundIndexes: (config?.indexes ?? []).map((index) => index.fields),
    sortable: [
      'id',
      // a field only staff may read is no order for visitors either
      ...(config?.flattenedFields ?? [])
        .filter((field) => {
          const info = infoOf(field)
          return info.indexed && !info.hasMany && !('access' in field && field.access?.read)
        })
        .map((field) => field.name),
    ],
  }
}

const refusal = (error: unknown) =>
  error instanceof QueryRuleError ? new PublicError(error.message, 400) : error

/**
 * Every REST and GraphQL request to a collection passes here before Payload queries the
 * database (lib/apiQueryRules.ts): conditions the database could not run are a 400 naming
 * the condition, an id that cannot exist on this database a 404, and a visitor's page size
 * and population depth are bounded (the site's own server code, the Local API, is not).
 * A visitor's where, sort and page must also be ones an index answers (lib/apiQueryRules.ts
 * checkVisitorWhere): the admin's lists need any column at any depth, so staff are not held
 * to that.
 */
export const guardApiQuery: CollectionBeforeOperationHook = ({
  args,
  operation,
  req,
  collection,
}) => {
  if (req.payloadAPI === 'local') return args
  const a = args as Record<string, unknown>
  const visitor = !isStaffUser(req.user)
  const indexes = indexContext(req.payload, collection.slug)
  if (a.where !== undefined) {
    try {
      checkWhere(a.where, {
        fieldAt: indexes.fieldAt,
        isValidId: (value) => isDocumentId(req.payload, value),
      })
      if (visitor) checkVisitorWhere(a.where, indexes)
    } catch (error) {
      throw refusal(error)
    }
  }
  for (const name of ['page', 'limit', 'depth'] as const) {
    const problem = numberProblem(name, a[name])
    if (problem) throw new PublicError(problem, 400)
    if (a[name] !== undefined) a[name] = Number(a[name])
  }
  if (a.id !== undefined && a.id !== null && !isDocumentId(req.payload, a.id)) {
    throw new PublicError('お探しのデータは見つかりませんでした。', 404)
  }
  if (visitor && LISTING_OPERATIONS.has(operation)) {
    const bounded = boundedForVisitor(a)
    if ('limit' in a || a.id === undefined) a.limit = bounded.limit
    a.depth = bounded.depth
    if ('pagination' in a) a.pagination = bounded.pagination
    if (a.id === undefined) {
      const problem =
        visitorSortProblem(a.sort, a.where, indexes) ??
        visitorOffsetProblem(Number(a.page ?? 1), bounded.limit)
      if (problem) throw new PublicError(problem, 400)
    }
  }
  return args
}
