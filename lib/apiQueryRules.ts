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

const BASE: readonly Operator[] = ['equals', 'not_equals', 'in', 'not_in', 'exists']
const ORDERS: readonly Operator[] = [
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
]
const TEXT: readonly Operator[] = [...BASE, 'like', 'not_like', 'contains']

/**
 * The operators a condition may use on each type of field: those Payload's admin offers in its
 * filters (@payloadcms/ui WhereBuilder field-types), and on an id the orders but no `exists`.
 */
// Past these Payload's adapters fail with a 500 instead of refusing: SQLite has no `all` at
// all (a relationship or a list of values with `all` throws), an order or `near` inside JSON
// throws on SQLite and on MongoDB; and an order on a title or a body compares nothing a
// reader means. Every document has an id, and MongoDB's adapter answers `id exists` with no
// documents (it reads `true` as a malformed id); the admin's "all" is `id not_equals ''`.
export const OPERATORS_BY_TYPE: Readonly<Record<string, readonly Operator[]>> = {
  id: ['equals', 'not_equals', 'in', 'not_in', ...ORDERS],
  text: TEXT,
  textarea: TEXT,
  code: TEXT,
  email: TEXT,
  number: [...BASE, ...ORDERS],
  date: [...BASE, ...ORDERS],
  checkbox: ['equals', 'not_equals', 'exists'],
  select: BASE,
  radio: BASE,
  relationship: BASE,
  upload: BASE,
  json: ['exists'],
  richText: ['exists'],
  point: ['equals', 'not_equals', 'exists', 'near', 'within', 'intersects'],
}

/** Why a where path names nothing a condition can test (the reason a refusal gives). */
export const PATH_REFUSALS = {
  unknown: 'そのような項目はありません',
  notPublic: 'この項目は公開されていません',
  relatedNotPublic: '関連先のコレクションは公開されていません',
  virtual: '保存されていない項目です(表示するときに作られます)',
  insideDocument: 'リッチテキストやJSONの中身は検索できません',
  join: '他のコレクションから集めた一覧(join)では検索できません',
  polymorphic: '複数のコレクションを指す関連では検索できません',
  existsThroughRelationship:
    '関連先の項目には exists を使えません。関連の項目そのものに exists を指定してください',
  insideBlocks: 'ブロックの中は検索できません',
  container: '項目のまとまりそのものでは検索できません。中の項目を指定してください',
} as const

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
  /** an index of its own answers conditions on it (`index: true`, `unique: true`, the id) */
  indexed?: boolean
  /** no two documents share a value (`unique: true`, the id) */
  unique?: boolean
  /** why no condition may name this path (one of PATH_REFUSALS), when none may */
  unqueryable?: string
  /** reached through a relationship: a field of the related collection, or the related id */
  viaRelationship?: boolean
}

export type QueryRuleContext = {
  /**
   * the field at a dotted path (`unqueryable` when the path names nothing a condition can
   * test), or undefined for a path Payload itself will judge
   */
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

/** A path as a refusal repeats it: a field's name is, anything else (markup, say) is not. */
const fieldName = (path: string) => (/^[A-Za-z_][\w.]{0,63}$/.test(path) ? path : '指定された項目')
/** An unknown operator as a refusal repeats it, likewise. */
const operatorName = (op: string) => (/^\w{1,40}$/.test(op) ? op : '(指定された演算子)')

const listOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value]

/** The refusal of a condition whose path or operator no condition may use, saying why. */
export const pathRefusal = (path: string, op: string, why: string) =>
  new QueryRuleError(`検索条件 ${fieldName(path)}[${op}] は使えません: ${why}`)

/** Refuses a path no condition may name, and an operator its type of field does not answer. */
function checkOperator(path: string, op: Operator, field: FieldInfo) {
  if (field.unqueryable) throw pathRefusal(path, op, field.unqueryable)
  // MongoDB's adapter builds `exists` as a query of its own, which it does not carry into the
  // related collection's query: the condition is dropped and every document matches
  if (op === 'exists' && field.viaRelationship) {
    throw pathRefusal(path, op, PATH_REFUSALS.existsThroughRelationship)
  }
  const operators = OPERATORS_BY_TYPE[field.type] ?? []
  if (operators.includes(op)) return
  throw pathRefusal(
    path,
    op,
    operators.length > 0
      ? `${op} は ${field.type} の項目には使えません(使えるのは ${operators.join(', ')})`
      : PATH_REFUSALS.container,
  )
}

function checkValue(
  path: string,
  op: Operator,
  value: unknown,
  field: FieldInfo,
  ctx: QueryRuleContext,
) {
  const refuse = (why: string) => {
    throw new QueryRuleError(`検索条件 ${fieldName(path)}[${op}] が正しくありません: ${why}`)
  }
  // a GeoJSON shape or a "lng,lat,max,min" string, which Payload parses itself
  if (GEO_OPERATORS.has(op)) return
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
 * could not run: an unknown operator, a path that names nothing a condition can test (an
 * unknown or unstored field, the inside of rich text, a join), an operator its type of field
 * does not answer (OPERATORS_BY_TYPE), a list or object where one value belongs, a value that
 * is no date/number/id for a date/number/id field, or a where too deep or too large.
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
        throw new QueryRuleError(
          `検索条件 ${fieldName(key)} には演算子(equals など)を指定してください`,
        )
      }
      const field = ctx.fieldAt(key)
      for (const [op, operand] of Object.entries(value)) {
        if (++conditions > WHERE_LIMITS.conditions) {
          throw new QueryRuleError('検索条件が多すぎます')
        }
        if (!(OPERATORS as readonly string[]).includes(op)) {
          throw new QueryRuleError(
            `検索条件 ${fieldName(key)} の演算子「${operatorName(op)}」は使えません`,
          )
        }
        if (field) {
          checkOperator(key, op as Operator, field)
          checkValue(key, op as Operator, operand, field, ctx)
        } else if (!isScalar(operand) && !LIST_OPERATORS.has(op)) {
          throw new QueryRuleError(
            `検索条件 ${fieldName(key)}[${op}] の値は一つだけ指定してください`,
          )
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

// What a visitor (anonymous or signed in without a staff role) may ask of a collection: only
// what an index answers. Payload counts every match of a paginated query, so one condition the
// database must test row by row (a `like` on a review's body, an `or` with an unindexed branch)
// reads the whole table however small the page; and a deep page makes it read every skipped row.
// Staff are not held to these: the admin's lists search, filter and sort on any column and page
// to the end (collections/shared/guardApiQuery.ts).

// A text match is refused on every field, indexed or not: `like` matches inside the text, which
// no B-tree index can look up. On the 100,000 archive a slug `like` beside the published-only
// rule every visitor's read carries took 6.4 s (SQLite read the articles by _status, then each
// row's slug); only the slug index alone was quick, and no visitor reads without that rule.
const TEXT_MATCH_OPERATORS: ReadonlySet<string> = new Set(['like', 'not_like', 'contains'])
/** Operators that pick few rows out of an index, so other conditions beside them are cheap. */
const NARROWING_OPERATORS: ReadonlySet<string> = new Set(['equals', 'in'])
// ...on a field whose values are few rows each: a unique field or a document reference (one
// agent's reviews, one category's articles). An index on a status, a count or a flag does not
// narrow: `helpfulCount = 0` matched most of a million reviews, and beside the approved-only
// rule every visitor's read carries, counting them took 1.26 s.

/** The deepest row a visitor's page may reach (page × limit). */
export const VISITOR_MAX_OFFSET = 2_000

/** What the visitor rules need to know of a collection's indexes. */
export type IndexContext = {
  /** the field at a dotted path (`indexed` set when an index of its own answers it) */
  fieldAt: (path: string) => FieldInfo | undefined
  /** the collection's compound indexes, each its fields in order */
  compoundIndexes: readonly (readonly string[])[]
  /** the fields with an index of their own that a visitor may read, so may sort by */
  sortable: readonly string[]
}

type Group = { conditions: { path: string; op: string }[]; ors: unknown[][] }

/** One and-group's conditions, with its nested `and`s merged in (they narrow the same rows). */
function flattenGroup(node: unknown): Group {
  const group: Group = { conditions: [], ors: [] }
  const visit = (n: unknown) => {
    if (!isPlainObject(n)) return
    for (const [key, value] of Object.entries(n)) {
      const list = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : []
      if (key === 'and') list.forEach(visit)
      else if (key === 'or') group.ors.push(list)
      else if (isPlainObject(value)) {
        for (const op of Object.keys(value)) group.conditions.push({ path: key, op })
      }
    }
  }
  visit(node)
  return group
}

/** Every condition of a where at any depth, its path and operator. Run after checkWhere. */
export function whereConditions(where: unknown): { path: string; op: string }[] {
  const group = flattenGroup(where)
  return [...group.conditions, ...group.ors.flat().flatMap(whereConditions)]
}

const isIndexed = (field: FieldInfo | undefined) => Boolean(field?.indexed)

/**
 * Throws a QueryRuleError (→ 400) for a visitor's `where` that no index answers: a text match
 * (`like`, `contains`, `not_like`) on any field; any other condition unless an `equals` or `in`
 * on an indexed unique field or document reference stands beside it (in its and-group or around it), so that the database
 * finds the rows through that index and tests the rest on those alone; an `or` one of whose
 * branches has no such condition. Run after checkWhere, which has checked the shape.
 */
export function checkVisitorWhere(where: unknown, ctx: IndexContext): void {
  /** Whether the group picks its rows through an index by itself; throws where nothing does. */
  const checkGroup = (node: unknown, narrowedAbove: boolean, inOr: boolean): boolean => {
    const group = flattenGroup(node)
    const conditions = group.conditions.map((c) => ({ ...c, field: ctx.fieldAt(c.path) }))
    for (const { path, op } of conditions) {
      if (TEXT_MATCH_OPERATORS.has(op)) {
        throw new QueryRuleError(
          `検索条件 ${fieldName(path)}[${op}] は使えません: 文章を探すときはサイトの検索(/search)をご利用ください。`,
        )
      }
    }
    const answers = ({ op, field }: (typeof conditions)[number]) =>
      isIndexed(field) && Boolean(field?.unique || field?.isId) && NARROWING_OPERATORS.has(op)
    const own = conditions.some(answers)
    // an or picks its rows through indexes when each branch does (one index search per branch)
    let throughOr = false
    for (const branches of group.ors) {
      let every = branches.length > 0
      for (const branch of branches) {
        if (!checkGroup(branch, narrowedAbove || own, true)) every = false
      }
      throughOr ||= every
    }
    const narrowed = narrowedAbove || own || throughOr
    const loose = conditions.find((c) => !answers(c))
    if (!narrowed && (loose || inOr)) {
      const name = loose ? `${fieldName(loose.path)}[${loose.op}]` : '{}'
      throw new QueryRuleError(
        inOr
          ? `検索条件 or の中の ${name} は使えません: or の各条件は ID・スラッグ・関連先(agent など)の equals か in で指定してください。`
          : `検索条件 ${name} だけでは絞り込めません: ID・スラッグ・関連先(agent など)の equals か in と組み合わせてください。`,
      )
    }
    return own || throughOr
  }
  checkGroup(where, false, false)
}

/** The top-level `equals` conditions of a where: the fields it fixes to one value. */
function fixedPaths(where: unknown): Set<string> {
  const fixed = new Set<string>()
  for (const { path, op } of flattenGroup(where).conditions) if (op === 'equals') fixed.add(path)
  return fixed
}

/**
 * Why a visitor's `sort` cannot be read in order from an index, or null: each field must be one
 * of ctx.sortable, or come in a compound index after fields the where fixes with `equals`
 * (reviews by helpfulness within one agent's approved reviews).
 */
export function visitorSortProblem(
  sort: unknown,
  where: unknown,
  ctx: IndexContext,
): string | null {
  if (sort === undefined || sort === null || sort === '') return null
  const keys = (Array.isArray(sort) ? sort : String(sort).split(','))
    .map((key) => String(key).trim().replace(/^[-+]/, ''))
    .filter(Boolean)
  const fixed = fixedPaths(where)
  for (const key of keys) {
    if (ctx.sortable.includes(key)) continue
    const inCompound = ctx.compoundIndexes.some((fields) => {
      const at = fields.indexOf(key)
      return at >= 0 && fields.slice(0, at).every((f) => fixed.has(f))
    })
    if (inCompound) continue
    return `並べ替え(sort)に ${fieldName(key)} は使えません。使える項目: ${ctx.sortable.join(', ')}`
  }
  return null
}

/** Why a visitor's page lies too deep (its first row past VISITOR_MAX_OFFSET), or null. */
export function visitorOffsetProblem(page: number, limit: number): string | null {
  return (page - 1) * limit >= VISITOR_MAX_OFFSET
    ? `${VISITOR_MAX_OFFSET.toLocaleString('ja-JP')}件より先のページは取得できません。検索条件(where)で絞り込んでください。`
    : null
}
