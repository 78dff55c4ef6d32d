import type { Block, Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { articleBodyBlocks } from '@/blocks'
import { blockNode, lexical, linkNode, paragraph } from '@/tests/helpers/fixtures'

import { BLOCK_REFERENCES, bodyReferences, goSlugOf } from './bodyReferences'

const autolink = (url: string) => ({ ...linkNode(url, url), type: 'autolink' })
const internal = (relationTo: string, value: unknown) => ({
  ...linkNode('', 'リンク'),
  fields: { linkType: 'internal', doc: { relationTo, value }, newTab: false },
})

describe('bodyReferences', () => {
  it('lists what each block shows, each id once, populated or not', () => {
    const refs = bodyReferences(
      lexical(
        blockNode('agentCard', { agent: 3, link: { id: 9 } }),
        blockNode('agentCard', { agent: { id: 4 } }),
        blockNode('agentComparison', { agents: [{ id: 5 }, 3] }),
        blockNode('reviewExcerpt', { review: 11 }),
        blockNode('callout', { body: 'x' }),
      ),
    )
    expect(refs.agents).toEqual(['3', '4', '5'])
    expect(refs.primaryLinkAgents).toEqual(['4', '5', '3'])
    expect(refs.links).toEqual(['9'])
    expect(refs.reviews).toEqual(['11'])
    expect(refs.reviewsQuotedTwice).toEqual([])
    expect(refs.promotes).toBe(true)
  })

  it('names a review quoted twice, however it is referenced', () => {
    const refs = bodyReferences(
      lexical(
        blockNode('reviewExcerpt', { review: 11 }),
        blockNode('reviewExcerpt', { review: 12 }),
        blockNode('reviewExcerpt', { review: { id: 11 } }),
      ),
    )
    expect(refs.reviews).toEqual(['11', '12'])
    expect(refs.reviewsQuotedTwice).toEqual(['11'])
  })

  it('reads every link-like node: links, autolinks and internal links', () => {
    const refs = bodyReferences(
      lexical({
        ...paragraph(''),
        children: [
          linkNode('https://www.mhlw.go.jp/', '厚労省'),
          autolink('data:text/html,<script>alert(1)</script>'),
          autolink('/go/michibiki-main?from=x'),
          internal('articles', { id: 7, slug: 'a' }),
          internal('agents', 2),
          internal('affiliate-links', 8),
        ],
      }),
    )
    expect(refs.urls).toEqual([
      { node: 'link', url: 'https://www.mhlw.go.jp/' },
      { node: 'autolink', url: 'data:text/html,<script>alert(1)</script>' },
      { node: 'autolink', url: '/go/michibiki-main?from=x' },
    ])
    expect(refs.goSlugs).toEqual(['michibiki-main'])
    expect(refs.articles).toEqual(['7'])
    expect(refs.linkedAgents).toEqual(['2'])
    expect(refs.links).toEqual(['8'])
    expect(refs.promotes).toBe(true)
  })

  it('is empty and not promotional for plain text, an empty body and unknown block types', () => {
    for (const body of [
      lexical(paragraph('本文')),
      null,
      lexical(blockNode('constructor', { agent: 1 }), blockNode('__proto__', {})),
    ]) {
      const refs = bodyReferences(body)
      expect(refs.promotes).toBe(false)
      expect([...refs.agents, ...refs.links, ...refs.reviews, ...refs.urls]).toEqual([])
    }
  })

  it('knows every relationship field of every body block, so no block can be forgotten', () => {
    const relations = (fields: Field[]): string[] =>
      fields.flatMap((f) =>
        'name' in f && (f.type === 'relationship' || f.type === 'upload') ? [f.name] : [],
      )
    for (const block of articleBodyBlocks as Block[]) {
      expect(Object.keys(BLOCK_REFERENCES), block.slug).toContain(block.slug)
      expect(Object.keys(BLOCK_REFERENCES[block.slug].refs).sort(), block.slug).toEqual(
        relations(block.fields).sort(),
      )
    }
  })
})

describe('goSlugOf', () => {
  it('reads the slug of relative and absolute /go/ URLs only', () => {
    expect(goSlugOf('/go/abc?from=x')).toBe('abc')
    expect(goSlugOf('https://site.example/go/abc')).toBe('abc')
    expect(goSlugOf('/going/abc')).toBeNull()
    expect(goSlugOf(undefined)).toBeNull()
  })
})
