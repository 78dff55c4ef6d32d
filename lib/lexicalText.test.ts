import { describe, expect, it } from 'vitest'

import { blockNode, lexical, linkNode, paragraph } from '@/tests/helpers/fixtures'

import { lexicalToPlainText } from './lexicalText'

describe('lexicalToPlainText', () => {
  it('keeps paragraph, link and block text a reader sees', () => {
    const body = lexical(
      paragraph('PMOの年収について'),
      { ...paragraph(''), children: [linkNode('/go/x', '公式サイト')] },
      blockNode('callout', { tone: 'point', title: 'ポイント', body: '単価は経験で決まる' }),
      blockNode('faq', { items: [{ question: '未経験でも?', answer: 'はい' }] }),
    )
    const text = lexicalToPlainText(body)
    expect(text).toContain('PMOの年収について')
    expect(text).toContain('公式サイト')
    expect(text).toContain('単価は経験で決まる')
    expect(text).toContain('未経験でも?')
    expect(lexicalToPlainText(null)).toBe('')
  })
})
