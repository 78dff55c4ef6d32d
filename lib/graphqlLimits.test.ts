import { buildSchema, parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'

import { GRAPHQL_LIMITS, graphqlLimitsRule } from './graphqlLimits'

const schema = buildSchema(`
  type Article { title: String, related(limit: Int): Articles }
  type Articles { docs: [Article], totalDocs: Int }
  type Query { Articles(limit: Int): Articles, Article(id: Int): Article }
`)

const errors = (query: string, variables?: Record<string, unknown>) =>
  validate(schema, parse(query), [graphqlLimitsRule(variables)]).map((e) => e.message)

describe('graphqlLimitsRule', () => {
  it('lets an ordinary query through', () => {
    expect(errors('{ Articles(limit: 20) { docs { title } totalDocs } }')).toEqual([])
  })

  it('refuses the alias flood that stalled the site', () => {
    const aliases = Array.from(
      { length: 100 },
      (_, i) => `a${i}: Articles(limit: 100) { docs { title } }`,
    )
    expect(errors(`{ ${aliases.join(' ')} }`)).toEqual([
      `一度に問い合わせられるのは${GRAPHQL_LIMITS.rootFields}件までです。`,
    ])
  })

  it('weighs lists by their page size, also inside fragments and through variables', () => {
    const nested =
      '{ Articles(limit: 100) { docs { title related(limit: 100) { ...R } } } } fragment R on Articles { docs { title } }'
    expect(errors(nested)[0]).toMatch(/^問い合わせが大きすぎます/)
    expect(
      errors('query Q($n: Int) { Articles(limit: $n) { docs { title } } }', { n: 500 }),
    ).toEqual([`limit は${GRAPHQL_LIMITS.limit}以下にしてください。`])
  })

  it('refuses nesting deeper than the limit', () => {
    let inner = 'title'
    for (let i = 0; i < 6; i++) inner = `docs { related { ${inner} } }`
    expect(errors(`{ Articles(limit: 1) { ${inner} } }`)).toEqual([
      `入れ子は${GRAPHQL_LIMITS.depth}段までです。`,
    ])
  })
})
