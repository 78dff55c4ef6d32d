import { describe, expect, it } from 'vitest'

import { extractToc } from './toc'

const heading = (tag: string, ...texts: string[]) => ({
  type: 'heading',
  tag,
  children: texts.map((text) => ({ type: 'text', text })),
})

describe('extractToc', () => {
  it('lists H2 and H3 headings in order with stable anchor ids', () => {
    const body = {
      root: {
        children: [
          heading('h2', 'PMOとは'),
          { type: 'paragraph', children: [] },
          heading('h3', '役割', 'の違い'),
          heading('h4', '小見出し'),
          heading('h2', 'まとめ'),
        ],
      },
    }
    const { entries, ids } = extractToc(body)
    expect(entries).toEqual([
      { id: 'section-1', text: 'PMOとは', level: 2 },
      { id: 'section-2', text: '役割の違い', level: 3 },
      { id: 'section-3', text: 'まとめ', level: 2 },
    ])
    expect(ids.get(body.root.children[2])).toBe('section-2')
    expect(ids.get(body.root.children[3])).toBeUndefined()
  })

  it('skips empty headings and copes with no body', () => {
    expect(extractToc({ root: { children: [heading('h2', '  ')] } }).entries).toEqual([])
    expect(extractToc(null).entries).toEqual([])
  })
})
