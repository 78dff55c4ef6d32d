import { describe, expect, it } from 'vitest'

import {
  boundedForVisitor,
  checkVisitorWhere,
  checkWhere,
  numberProblem,
  PATH_REFUSALS,
  QueryRuleError,
  VISITOR_LIMITS,
  VISITOR_MAX_OFFSET,
  visitorOffsetProblem,
  visitorSortProblem,
  type FieldInfo,
  type IndexContext,
} from './apiQueryRules'

const FIELDS: Record<string, FieldInfo> = {
  title: { type: 'text' },
  publishedAt: { type: 'date' },
  ratingAverage: { type: 'number' },
  categories: { type: 'relationship', hasMany: true, isId: true },
  author: { type: 'relationship', isId: true },
  id: { type: 'id', isId: true },
  location: { type: 'point' },
}
const ctx = {
  fieldAt: (path: string) => FIELDS[path],
  isValidId: (value: unknown) => /^\d+$/.test(String(value)),
}
/** The message of the QueryRuleError a check throws for a where, or null when it passes. */
const refusalOf = (check: (where: unknown) => void) => (where: unknown) => {
  try {
    check(where)
    return null
  } catch (error) {
    expect(error).toBeInstanceOf(QueryRuleError)
    return (error as Error).message
  }
}
const refusal = refusalOf((where) => checkWhere(where, ctx))

describe('checkWhere', () => {
  it('accepts the conditions the admin and the site use', () => {
    for (const where of [
      { title: { like: 'PMO' } },
      { publishedAt: { greater_than: '2026-01-01T00:00:00Z' } },
      { categories: { in: '1,2' }, author: { equals: 3 } },
      { or: [{ title: { exists: 'true' } }, { id: { not_in: [4, 5] } }] },
      { location: { near: '1,2' } },
      { unknownPath: { equals: 'x' } },
    ]) {
      expect(refusal(where), JSON.stringify(where)).toBeNull()
    }
  })

  it('refuses what the database would fail on, naming the condition', () => {
    expect(refusal({ title: { near: '1,2' } })).toBe(
      '検索条件 title[near] は使えません: near は text の項目には使えません(使えるのは equals, not_equals, in, not_in, exists, like, not_like, contains)',
    )
    expect(refusal({ title: { within: '1' } })).toContain('title[within] は使えません')
    expect(refusal({ title: { intersects: '1' } })).toContain('title[intersects] は使えません')
    // SQLite has no `all`, on a list of values or a relationship
    expect(refusal({ categories: { all: ['1', '2'] } })).toContain(
      'all は relationship の項目には使えません',
    )
    expect(refusal({ title: { greater_than: 'a' } })).toContain('greater_than は text の項目')
    expect(refusal({ title: { equals: ['a', 'b'] } })).toContain('値は一つだけ')
    expect(refusal({ publishedAt: { greater_than: 'notadate' } })).toContain('日付ではありません')
    expect(refusal({ ratingAverage: { equals: 'abc' } })).toContain('数値ではありません')
    expect(refusal({ id: { equals: 'abc' } })).toContain('IDの形式ではありません')
    expect(refusal({ categories: { in: ['1', { x: 1 }] } })).toContain('値の形式')
    expect(refusal({ title: { constructor: 'x' } })).toContain('演算子「constructor」は使えません')
    expect(refusal({ title: { exists: 'maybe' } })).toContain('true か false')
    expect(refusal({ or: 'x' })).toContain('条件の一覧')
    expect(refusal({ title: 'x' })).toContain('演算子(equals など)')
    expect(refusal('x')).toBe('検索条件(where)の形式が正しくありません')
  })

  it('refuses a path that names nothing a condition can test, saying why', () => {
    const unqueryable = refusalOf((where) =>
      checkWhere(where, {
        ...ctx,
        fieldAt: (path) =>
          path === 'body.root'
            ? { type: 'unknown', unqueryable: PATH_REFUSALS.insideDocument }
            : path === 'meta'
              ? { type: 'group' }
              : FIELDS[path],
      }),
    )
    expect(unqueryable({ 'body.root': { exists: 'true' } })).toBe(
      '検索条件 body.root[exists] は使えません: リッチテキストやJSONの中身は検索できません',
    )
    expect(unqueryable({ meta: { equals: 'x' } })).toBe(
      `検索条件 meta[equals] は使えません: ${PATH_REFUSALS.container}`,
    )
    // an id always exists; MongoDB drops an exists through a relationship
    expect(refusal({ id: { exists: 'true' } })).toContain('exists は id の項目には使えません')
    const related = refusalOf((where) =>
      checkWhere(where, {
        ...ctx,
        fieldAt: (path) => ({ type: 'text', viaRelationship: path === 'author.name' }),
      }),
    )
    expect(related({ 'author.name': { exists: 'false' } })).toBe(
      `検索条件 author.name[exists] は使えません: ${PATH_REFUSALS.existsThroughRelationship}`,
    )
    expect(related({ 'author.name': { equals: 'a' }, title: { exists: 'true' } })).toBeNull()
    // markup in a path or an operator is not repeated
    expect(refusal({ '<img src=x>': { '<b>': 'x' } })).toBe(
      '検索条件 指定された項目 の演算子「(指定された演算子)」は使えません',
    )
  })

  it('bounds nesting, the number of conditions and list lengths', () => {
    let deep: Record<string, unknown> = { title: { equals: 'x' } }
    for (let i = 0; i < 10; i++) deep = { and: [deep] }
    expect(refusal(deep)).toBe('検索条件の入れ子が深すぎます')
    const many = { or: Array.from({ length: 60 }, () => ({ title: { equals: 'x' } })) }
    expect(refusal(many)).toBe('検索条件が多すぎます')
    expect(refusal({ id: { in: Array.from({ length: 500 }, (_, i) => i + 1) } })).toContain(
      '値が多すぎます',
    )
  })
})

describe('numberProblem', () => {
  it('accepts whole numbers in range and refuses anything else, naming the parameter', () => {
    expect(numberProblem('page', '3')).toBeNull()
    expect(numberProblem('limit', 0)).toBeNull()
    expect(numberProblem('depth', undefined)).toBeNull()
    expect(numberProblem('page', '<script>alert(1)</script>')).toBe(
      'page は1以上100,000以下の整数で指定してください。',
    )
    for (const bad of ['1e9', '-1', 'NaN', '1.5', 'constructor']) {
      expect(numberProblem('page', bad), bad).not.toBeNull()
    }
    expect(numberProblem('depth', '100')).toBe('depth は0以上10以下の整数で指定してください。')
  })
})

describe('boundedForVisitor', () => {
  it('never lets a visitor ask for everything, or for more than the limits', () => {
    expect(boundedForVisitor({ limit: '100', depth: '100' })).toEqual({
      limit: VISITOR_LIMITS.limit,
      depth: VISITOR_LIMITS.depth,
      pagination: true,
    })
    expect(boundedForVisitor({ limit: 0, pagination: false })).toMatchObject({
      limit: 10,
      pagination: true,
    })
    expect(boundedForVisitor({ limit: -1, depth: 'NaN' })).toMatchObject({ limit: 10, depth: 2 })
    expect(boundedForVisitor({ limit: 5, depth: 0 })).toMatchObject({ limit: 5, depth: 0 })
  })
})

// a collection shaped like reviews: short indexed text, long unindexed text, a compound index
const REVIEW_FIELDS: Record<string, FieldInfo> = {
  id: { type: 'id', isId: true, indexed: true, unique: true },
  slug: { type: 'text', indexed: true, unique: true },
  title: { type: 'text' },
  body: { type: 'textarea' },
  note: { type: 'textarea', indexed: true },
  agent: { type: 'relationship', isId: true, indexed: true },
  status: { type: 'select', indexed: true },
  rating: { type: 'number' },
  helpfulCount: { type: 'number', indexed: true },
  submittedAt: { type: 'date', indexed: true },
  categories: { type: 'relationship', hasMany: true, isId: true, indexed: true },
}
const indexes: IndexContext = {
  fieldAt: (path) => REVIEW_FIELDS[path],
  compoundIndexes: [['agent', 'status', 'rating', 'submittedAt']],
  sortable: ['id', 'slug', 'helpfulCount', 'submittedAt'],
}
const visitorRefusal = refusalOf((where) => checkVisitorWhere(where, indexes))

describe('checkVisitorWhere', () => {
  it('accepts conditions an index answers', () => {
    for (const where of [
      {},
      { slug: { equals: 'pmo' } },
      { agent: { equals: 1 }, status: { equals: 'approved' } },
      { agent: { equals: 1 }, submittedAt: { greater_than: '2026-01-01' } },
      // an unindexed condition beside an indexed equals or in reads only the rows it picked
      { agent: { equals: 1 }, rating: { equals: 5 } },
      { and: [{ agent: { in: [1, 2] } }, { rating: { greater_than: 3 } }] },
      { agent: { equals: 1 }, or: [{ rating: { equals: 5 } }, { rating: { equals: 1 } }] },
      { or: [{ slug: { equals: 'a' } }, { agent: { in: [1, 2] } }] },
      { rating: { equals: 5 }, or: [{ agent: { equals: 1 } }, { agent: { equals: 2 } }] },
      { or: [{ agent: { equals: 1 }, rating: { equals: 5 } }, { id: { in: [3] } }] },
    ]) {
      expect(visitorRefusal(where), JSON.stringify(where)).toBeNull()
    }
  })

  it('refuses a text match on any field, pointing to the site search', () => {
    const toSearch = 'は使えません: 文章を探すときはサイトの検索(/search)をご利用ください。'
    expect(visitorRefusal({ body: { like: 'の' } })).toBe(`検索条件 body[like] ${toSearch}`)
    expect(visitorRefusal({ title: { contains: 'a' } })).toBe(
      `検索条件 title[contains] ${toSearch}`,
    )
    // an index does not make a match inside the text cheap
    expect(visitorRefusal({ note: { not_like: 'a' } })).toBe(`検索条件 note[not_like] ${toSearch}`)
    expect(visitorRefusal({ slug: { like: 'pmo' } })).toBe(`検索条件 slug[like] ${toSearch}`)
    // nor does an indexed condition beside it
    expect(visitorRefusal({ agent: { equals: 1 }, body: { like: 'a' } })).toContain('body[like]')
    expect(visitorRefusal({ or: [{ body: { like: 'a' } }, { title: { like: 'b' } }] })).toContain(
      'body[like]',
    )
  })

  it('refuses an unindexed condition that nothing indexed narrows', () => {
    expect(visitorRefusal({ rating: { equals: 5 } })).toBe(
      '検索条件 rating[equals] だけでは絞り込めません: ID・スラッグ・関連先(agent など)の equals か in と組み合わせてください。',
    )
    // a range or a negation on an index may still span most of the table
    expect(visitorRefusal({ submittedAt: { greater_than: '2020' } })).toContain(
      'submittedAt[greater_than] だけでは',
    )
    expect(visitorRefusal({ helpfulCount: { not_equals: 0 } })).toContain(
      'helpfulCount[not_equals]',
    )
    // nor does an index on a status or a count: one value may be most of the table
    expect(visitorRefusal({ helpfulCount: { equals: 0 } })).toContain('helpfulCount[equals]')
    expect(visitorRefusal({ status: { equals: 'approved' }, rating: { equals: 5 } })).toContain(
      'status[equals]',
    )
    expect(visitorRefusal({ unknown: { equals: 1 } })).toContain('unknown[equals]')
    expect(visitorRefusal({ '<img src=x>': { equals: 1 } })).toContain('指定された項目[equals]')
  })

  it('refuses an or one of whose branches no index answers', () => {
    expect(visitorRefusal({ or: [{ slug: { equals: 'a' } }, { rating: { equals: 5 } }] })).toBe(
      '検索条件 or の中の rating[equals] は使えません: or の各条件は ID・スラッグ・関連先(agent など)の equals か in で指定してください。',
    )
    expect(
      visitorRefusal({ and: [{ or: [{ rating: { equals: 5 } }] }, { status: { exists: true } }] }),
    ).toContain('or の中の rating[equals]')
    expect(visitorRefusal({ or: [{ slug: { equals: 'a' } }, {}] })).toContain('or の中の {}')
    // an or inside an indexed equals reads only that agent's rows
    expect(
      visitorRefusal({ agent: { equals: 1 }, or: [{ rating: { greater_than: 1 } }, {}] }),
    ).toBeNull()
  })
})

describe('visitorSortProblem', () => {
  it('accepts a sort an index reads in order', () => {
    for (const sort of [undefined, '', 'id', '-helpfulCount', 'slug,-submittedAt', ['-id']]) {
      expect(visitorSortProblem(sort, undefined, indexes), String(sort)).toBeNull()
    }
    // rating comes after agent and status in the compound index: fixed by the where, it is in order
    const oneAgent = { agent: { equals: 1 }, status: { equals: 'approved' } }
    expect(visitorSortProblem('-rating', oneAgent, indexes)).toBeNull()
    expect(visitorSortProblem('-rating', { and: [oneAgent] }, indexes)).toBeNull()
  })

  it('refuses any other sort, naming the field and what may be used', () => {
    expect(visitorSortProblem('-rating', undefined, indexes)).toBe(
      '並べ替え(sort)に rating は使えません。使える項目: id, slug, helpfulCount, submittedAt',
    )
    expect(visitorSortProblem('-rating', { agent: { equals: 1 } }, indexes)).toContain('rating')
    expect(visitorSortProblem('id,body', undefined, indexes)).toContain('body は使えません')
    expect(visitorSortProblem('categories', undefined, indexes)).toContain('categories')
    expect(visitorSortProblem('<script>alert(1)</script>', undefined, indexes)).toBe(
      '並べ替え(sort)に 指定された項目 は使えません。使える項目: id, slug, helpfulCount, submittedAt',
    )
  })
})

describe('visitorOffsetProblem', () => {
  it('serves pages up to the offset cap and refuses deeper ones with a way out', () => {
    expect(visitorOffsetProblem(1, 50)).toBeNull()
    expect(visitorOffsetProblem(VISITOR_MAX_OFFSET / 50, 50)).toBeNull()
    expect(visitorOffsetProblem(VISITOR_MAX_OFFSET / 50 + 1, 50)).toBe(
      '2,000件より先のページは取得できません。検索条件(where)で絞り込んでください。',
    )
    expect(visitorOffsetProblem(9000, 10)).not.toBeNull()
  })
})
