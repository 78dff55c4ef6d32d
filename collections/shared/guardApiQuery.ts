import type { CollectionBeforeOperationHook, Payload } from 'payload'

import { isStaffUser } from '@/access/isStaff'
import {
  boundedForVisitor,
  checkVisitorWhere,
  checkWhere,
  numberProblem,
  PATH_REFUSALS,
  pathRefusal,
  QueryRuleError,
  visitorOffsetProblem,
  visitorSortProblem,
  whereConditions,
  type IndexContext,
} from '@/lib/apiQueryRules'
import { isDocumentId } from '@/lib/documentIds'
import { PublicError } from '@/lib/publicError'

import { infoOf, resolveWherePath, unreadableProblem, type ResolvedPath } from './wherePaths'

const LISTING_OPERATIONS = new Set(['read', 'count', 'readDistinct'])

type Collections = Record<string, Payload['collections']['articles']>

// Versions are read by other paths than the documents' (`parent`, `version.title`): those
// Payload judges itself, as before
const DOCUMENT_OPERATIONS = new Set(['read', 'count', 'readDistinct', 'update', 'delete'])

/** What the visitor rules need of a collection's indexes, read from its config. */
function indexContext(
  payload: Payload,
  slug: string,
  resolve: (path: string) => ResolvedPath,
  strict: boolean,
): IndexContext {
  const config = (payload.collections as Collections)[slug]?.config
  return {
    fieldAt: (path) => {
      const { info } = resolve(path)
      return !strict && info.unqueryable === PATH_REFUSALS.unknown ? undefined : info
    },
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

/** The most rows one join of a staff request may bring (the admin asks for its default, 20). */
export const JOIN_LIMIT = 100

type JoinQuery = { limit?: unknown; page?: unknown; where?: unknown } | false

/**
 * A staff request's `joins` (the related rows a join field brings with each document) held to
 * the rules of a list: a known join field, a page of at most JOIN_LIMIT rows (Payload reads
 * limit 0 as every row), and a where checked against the joined collection's fields.
 */
function checkJoins(
  payload: Payload,
  slug: string,
  joins: unknown,
  isValidId: (value: unknown) => boolean,
) {
  if (joins === false || joins === 'false') return
  if (!joins || typeof joins !== 'object' || Array.isArray(joins)) {
    throw new PublicError('joins の形式が正しくありません。', 400)
  }
  const fields = (payload.collections as Collections)[slug]?.config.flattenedFields ?? []
  for (const [name, query] of Object.entries(joins as Record<string, JoinQuery>)) {
    const field = fields.find((f) => f.type === 'join' && f.name === name)
    if (!field || field.type !== 'join') {
      throw new PublicError(`joins の ${name} はこのコレクションの結合項目ではありません。`, 400)
    }
    if (query === false || (query as unknown) === 'false') continue
    if (!query || typeof query !== 'object') {
      throw new PublicError(`joins[${name}] の形式が正しくありません。`, 400)
    }
    const pageProblem = numberProblem('page', query.page)
    if (pageProblem) throw new PublicError(`joins[${name}] の ${pageProblem}`, 400)
    const limit = query.limit === undefined || query.limit === '' ? 1 : Number(query.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > JOIN_LIMIT) {
      throw new PublicError(
        `joins[${name}][limit] は1から${JOIN_LIMIT}までの整数で指定してください(指定: ${String(query.limit)})。`,
        400,
      )
    }
    if (query.where !== undefined) {
      const joined = field.collection as string
      try {
        checkWhere(query.where, {
          fieldAt: (path) => resolveWherePath(payload, joined, path).info,
          isValidId,
        })
      } catch (error) {
        throw refusal(error)
      }
    }
  }
}

/**
 * Every REST and GraphQL request to a collection passes here before Payload queries the
 * database (lib/apiQueryRules.ts): conditions the database could not run, or on a path that
 * names nothing a condition can test (./wherePaths.ts) or a field the requester may not read,
 * are a 400 naming the condition, an id that cannot exist on this database a 404, and a
 * visitor's page size and population depth are bounded (the site's own server code, the
 * Local API, is not).
 * A visitor's where, sort and page must also be ones an index answers (lib/apiQueryRules.ts
 * checkVisitorWhere): the admin's lists need any column at any depth, so staff are not held
 * to that.
 */
export const guardApiQuery: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
  collection,
}) => {
  if (req.payloadAPI === 'local') return args
  const a = args as Record<string, unknown>
  // the site's own code reading with the server's rights inside an API request (a hook's
  // Local API call passes the request on, and with it payloadAPI 'REST'): no API query
  if (a.overrideAccess === true) return args
  const visitor = !isStaffUser(req.user)
  const resolved = new Map<string, ResolvedPath>()
  const resolve = (path: string) => {
    let found = resolved.get(path)
    if (!found) resolved.set(path, (found = resolveWherePath(req.payload, collection.slug, path)))
    return found
  }
  const strict = DOCUMENT_OPERATIONS.has(operation)
  const indexes = indexContext(req.payload, collection.slug, resolve, strict)
  if (a.where !== undefined) {
    try {
      checkWhere(a.where, {
        fieldAt: indexes.fieldAt,
        isValidId: (value) => isDocumentId(req.payload, value),
      })
      for (const { path, op } of strict ? whereConditions(a.where) : []) {
        const problem = await unreadableProblem(req, resolve(path))
        if (problem) throw pathRefusal(path, op, problem)
      }
      if (visitor) checkVisitorWhere(a.where, indexes)
    } catch (error) {
      throw refusal(error)
    }
  }
  // visitors get no joined rows (the public pages read them through the server's own code);
  // staff get pages of them within the same rules as a list
  if (a.joins !== undefined) {
    if (visitor) a.joins = false
    else checkJoins(req.payload, collection.slug, a.joins, (v) => isDocumentId(req.payload, v))
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
