// Rules for what a REST or GraphQL request may ask of a collection, checked before Payload
// runs the query (collections/shared/guardApiQuery.ts). Payload accepts any operator on any
// field and passes values through to the database adapter, where a geo operator on a text
// field, an array where a single value belongs or an unparsable date ends in a 500. Here each
// condition is checked against the field it names and refused with a 400 that says which.

export const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'within',
  'intersects',
  'near',
] as const
type Operator = (typeof OPERATORS)[number]

const LIST_OPERATORS: ReadonlySet<string> = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS: ReadonlySet<string> = new Set(['within', 'intersects', 'near'])
const COMPARISONS: ReadonlySet<string> = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])

/** What the rules need to know of the field a condition names. */
export type FieldInfo = {
  type: string
  hasMany?: boolean
  /** relationship/upload/id fields: values are document ids */
  isId?: boolean
}

export type QueryRuleContext = {
  /** the field at a dotted path, or undefined for a path Payload itself will judge */
  fieldAt: (path: string) => FieldInfo | undefined
  /** whether a value is a document id on this database */
  isValidId: (value: unknown) => boolean
}

/** Bounds on one where: nesting, number of conditions, length of a list. */
export const WHERE_LIMITS = { depth: 6, conditions: 50, listLength: 200 } as const

export class QueryRuleError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'QueryRuleError'
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isScalar = (value: unknown) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value)

const listOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]

function checkValue(
  path: string,
  op: Operator,
  value: unknown,
  field: FieldInfo,
  ctx: QueryRuleContext,
) {
  const refuse = (why: string) => {
    throw new QueryRuleError(`検索条件 ${path}[${op}] が正しくありません: ${why}`)
  }
  if (GEO_OPERATORS.has(op)) {
    if (field.type !== 'point') refuse('位置情報の条件は位置のフィールドにだけ使えます')
    return
  }
  if (op === 'all' && !field.hasMany) refuse('all は複数の値を持つフィールドにだけ使えます')
  if (op === 'exists') {
    if (!['true', 'false', true, false].includes(value as string | boolean))
      refuse('true か false を指定してください')
    return
  }
  const values = LIST_OPERATORS.has(op) ? listOf(value) : [value]
  if (!LIST_OPERATORS.has(op) && !isScalar(value)) refuse('値は一つだけ指定してください')
  if (values.length > WHERE_LIMITS.listLength) refuse('値が多すぎます')
  for (const v of values) {
    if (!isScalar(v)) refuse('値の形式が正しくありません')
    if (v === null || v === '') continue
    if (!COMPARISONS.has(op)) continue
    if (field.type === 'date' && Number.isNaN(Date.parse(String(v)))) refuse('日付ではありません')
    if (field.type === 'number' && !Number.isFinite(Number(v))) refuse('数値ではありません')
    if (field.isId && !ctx.isValidId(v)) refuse('IDの形式ではありません')
  }
}

/**
 * Throws a QueryRuleError (→ 400) for the first condition of a `where` that this database
 * could not run: an unknown operator, a geo operator on a non-point field, `all` on a single
 * value, a list or object where one value belongs, a value that is no date/number/id for a
 * date/number/id field, or a where too deep or too large.
 */
export function checkWhere(where: unknown, ctx: QueryRuleContext): void {
  let conditions = 0
  const visit = (node: unknown, depth: number) => {
    if (node === undefined || node === null) return
    if (!isPlainObject(node)) throw new QueryRuleError('検索条件(where)の形式が正しくありません')
    if (depth > WHERE_LIMITS.depth) throw new QueryRuleError('検索条件の入れ子が深すぎます')
    for (const [key, value] of Object.entries(node)) {
      if (key === 'and' || key === 'or') {
        const list = Array.isArray(value)
          ? value
          : isPlainObject(value)
            ? Object.values(value)
            : null
        if (!list) throw new QueryRuleError(`検索条件 ${key} には条件の一覧を指定してください`)
        for (const child of list) visit(child, depth + 1)
        continue
      }
      if (!isPlainObject(value)) {
        throw new QueryRuleError(`検索条件 ${key} には演算子(equals など)を指定してください`)
      }
      const field = ctx.fieldAt(key)
      for (const [op, operand] of Object.entries(value)) {
        if (++conditions > WHERE_LIMITS.conditions) {
          throw new QueryRuleError('検索条件が多すぎます')
        }
        if (!(OPERATORS as readonly string[]).includes(op)) {
          throw new QueryRuleError(`検索条件 ${key} の演算子「${op.slice(0, 40)}」は使えません`)
        }
        if (field) checkValue(key, op as Operator, operand, field, ctx)
        else if (!isScalar(operand) && !LIST_OPERATORS.has(op)) {
          throw new QueryRuleError(`検索条件 ${key}[${op}] の値は一つだけ指定してください`)
        }
      }
    }
  }
  visit(where, 0)
}

const NUMBER_BOUNDS = { page: [1, 100_000], limit: [0, 10_000], depth: [0, 10] } as const

/**
 * Why a page, limit or depth parameter is unusable (not a whole number in its range), or null.
 * Payload passes such values through, and echoes them in its answer.
 */
export function numberProblem(name: keyof typeof NUMBER_BOUNDS, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null
  const n = Number(value)
  const [min, max] = NUMBER_BOUNDS[name]
  return Number.isInteger(n) && n >= min && n <= max
    ? null
    : `${name} は${min}以上${max.toLocaleString('ja-JP')}以下の整数で指定してください。`
}

/** Page size and population depth a visitor may ask for over REST and GraphQL. */
export const VISITOR_LIMITS = { limit: 50, depth: 2 } as const

/**
 * The page size and depth a visitor's request is answered with: within VISITOR_LIMITS, and
 * never "everything" (limit 0 or pagination=false, which Payload reads as no limit).
 */
export function boundedForVisitor(args: {
  limit?: unknown
  depth?: unknown
  pagination?: unknown
}): { limit: number; depth: number; pagination: true } {
  const limit = Number(args.limit)
  const depth = Number(args.depth)
  return {
    limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, VISITOR_LIMITS.limit) : 10,
    depth:
      Number.isInteger(depth) && depth >= 0
        ? Math.min(depth, VISITOR_LIMITS.depth)
        : VISITOR_LIMITS.depth,
    pagination: true,
  }
}
