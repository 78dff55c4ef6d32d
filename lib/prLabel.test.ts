import { describe, expect, it } from 'vitest'

import { blockNode, lexical, linkNode, paragraph } from '@/tests/helpers/fixtures'

import { bodyIsPromotional, isGoUrl } from './prLabel'

describe('bodyIsPromotional', () => {
  it('is false for plain text and ordinary links', () => {
    expect(bodyIsPromotional(lexical(paragraph('ただの本文')))).toBe(false)
    expect(
      bodyIsPromotional(
        lexical({
          ...paragraph(''),
          children: [linkNode('https://www.mhlw.go.jp/', '厚生労働省')],
        }),
      ),
    ).toBe(false)
    expect(bodyIsPromotional(null)).toBe(false)
  })

  it('is true for an agent card or a comparison table anywhere in the body', () => {
    expect(
      bodyIsPromotional(lexical(paragraph('前置き'), blockNode('agentCard', { agent: 1 }))),
    ).toBe(true)
    expect(bodyIsPromotional(lexical(blockNode('agentComparison', { agents: [1, 2] })))).toBe(true)
    expect(
      bodyIsPromotional(
        lexical(blockNode('callout', { body: 'x' }), blockNode('faq', { items: [] })),
      ),
    ).toBe(false)
  })

  it('is true for a /go/ link, relative or absolute, even nested in a list', () => {
    const nested = {
      type: 'list',
      children: [{ type: 'listitem', children: [linkNode('/go/some-agent', '公式')] }],
    }
    expect(bodyIsPromotional(lexical(nested))).toBe(true)
    expect(
      bodyIsPromotional(
        lexical({
          ...paragraph(''),
          children: [linkNode('https://site.example/go/x?from=a', 'x')],
        }),
      ),
    ).toBe(true)
  })

  it('is true for an internal link to an affiliate-link document', () => {
    const internal = {
      type: 'link',
      fields: { linkType: 'internal', doc: { relationTo: 'affiliate-links', value: 3 } },
      children: [],
    }
    expect(bodyIsPromotional(lexical({ ...paragraph(''), children: [internal] }))).toBe(true)
  })
})

describe('isGoUrl', () => {
  it('matches only the /go/ path prefix', () => {
    expect(isGoUrl('/go/abc')).toBe(true)
    expect(isGoUrl('/going/abc')).toBe(false)
    expect(isGoUrl('/articles/go')).toBe(false)
    expect(isGoUrl(undefined)).toBe(false)
  })
})
