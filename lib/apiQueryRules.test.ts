import { describe, expect, it } from 'vitest'

import {
  boundedForVisitor,
  checkWhere,
  numberProblem,
  QueryRuleError,
  VISITOR_LIMITS,
  type FieldInfo,
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
const refusal = (where: unknown) => {
  try {
    checkWhere(where, ctx)
    return null
  } catch (error) {
    expect(error).toBeInstanceOf(QueryRuleError)
    return (error as Error).message
  }
}

describe('checkWhere', () => {
  it('accepts the conditions the admin and the site use', () => {
    for (const where of [
      { title: { like: 'PMO' } },
      { publishedAt: { greater_than: '2026-01-01T00:00:00Z' } },
      { categories: { in: '1,2' }, author: { equals: 3 } },
      { categories: { all: ['1', '2'] } },
      { or: [{ title: { exists: 'true' } }, { id: { not_in: [4, 5] } }] },
      { location: { near: '1,2' } },
      { unknownPath: { equals: 'x' } },
    ]) {
      expect(refusal(where), JSON.stringify(where)).toBeNull()
    }
  })

  it('refuses what the database would fail on, naming the condition', () => {
    expect(refusal({ title: { near: '1,2' } })).toBe(
      '検索条件 title[near] が正しくありません: 位置情報の条件は位置のフィールドにだけ使えます',
    )
    expect(refusal({ title: { within: '1' } })).toContain('title[within]')
    expect(refusal({ title: { intersects: '1' } })).toContain('title[intersects]')
    expect(refusal({ title: { all: '1' } })).toContain('all は複数の値を持つ')
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
