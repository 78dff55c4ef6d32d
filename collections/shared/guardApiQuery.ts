import type { CollectionBeforeOperationHook, FlattenedField, Payload } from 'payload'

import { isStaffUser } from '@/access/isStaff'
import {
  boundedForVisitor,
  checkWhere,
  numberProblem,
  QueryRuleError,
  type FieldInfo,
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
  }
}

/** The field a dotted where path names, through groups and single-collection relationships. */
function fieldAt(payload: Payload, slug: string, path: string): FieldInfo | undefined {
  if (path === 'id') return { type: 'id', isId: true }
  const collections = payload.collections as Record<string, Payload['collections']['articles']>
  let fields: FlattenedField[] | undefined = collections[slug]?.config.flattenedFields
  const parts = path.split('.')
  for (const [i, part] of parts.entries()) {
    const field: FlattenedField | undefined = fields?.find((f) => 'name' in f && f.name === part)
    if (!field) return undefined
    if (i === parts.length - 1) return infoOf(field)
    if (parts[i + 1] === 'id' && i + 2 === parts.length && infoOf(field).isId) {
      return { type: 'id', isId: true }
    }
    if ('flattenedFields' in field) fields = field.flattenedFields
    else if (
      (field.type === 'relationship' || field.type === 'upload') &&
      typeof field.relationTo === 'string'
    ) {
      fields = collections[field.relationTo]?.config.flattenedFields
    } else return undefined
  }
  return undefined
}

/**
 * Every REST and GraphQL request to a collection passes here before Payload queries the
 * database (lib/apiQueryRules.ts): conditions the database could not run are a 400 naming
 * the condition, an id that cannot exist on this database a 404, and a visitor's page size
 * and population depth are bounded (the site's own server code, the Local API, is not).
 */
export const guardApiQuery: CollectionBeforeOperationHook = ({
  args,
  operation,
  req,
  collection,
}) => {
  if (req.payloadAPI === 'local') return args
  const a = args as Record<string, unknown>
  if (a.where !== undefined) {
    try {
      checkWhere(a.where, {
        fieldAt: (path) => fieldAt(req.payload, collection.slug, path),
        isValidId: (value) => isDocumentId(req.payload, value),
      })
    } catch (error) {
      if (error instanceof QueryRuleError) throw new PublicError(error.message, 400)
      throw error
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
  if (!isStaffUser(req.user) && LISTING_OPERATIONS.has(operation)) {
    const bounded = boundedForVisitor(a)
    if ('limit' in a || a.id === undefined) a.limit = bounded.limit
    a.depth = bounded.depth
    if ('pagination' in a) a.pagination = bounded.pagination
  }
  return args
}
