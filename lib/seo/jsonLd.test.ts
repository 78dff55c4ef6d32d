import { describe, expect, it } from 'vitest'

import {
  agentJsonLd,
  articleJsonLd,
  breadcrumbJsonLd,
  organizationJsonLd,
  serializeJsonLd,
} from './jsonLd'

const origin = 'https://career.example'
const settings = { siteName: 'キャリアしるべ', operatorName: '株式会社しるべメディア' }

describe('JSON-LD builders', () => {
  it('describe an article with headline, dates, people and publisher', () => {
    const ld = articleJsonLd(
      {
        title: 'PMOに向いている人',
        slug: 'pmo',
        lead: 'リード',
        publishedAt: '2026-11-01T00:00:00.000Z',
        updatedAt: '2026-11-20T00:00:00.000Z',
        bylines: [
          { role: 'author', name: '水野 健太', qualification: null, bio: null },
          {
            role: 'supervisor',
            name: '北条 さやか',
            qualification: '国家資格キャリアコンサルタント',
            bio: null,
          },
        ],
        image: 'https://career.example/api/media/file/hero.png',
      },
      settings,
      origin,
    )
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'PMOに向いている人',
      datePublished: '2026-11-01T00:00:00.000Z',
      dateModified: '2026-11-20T00:00:00.000Z',
      url: 'https://career.example/articles/pmo',
      author: [{ '@type': 'Person', name: '水野 健太' }],
      contributor: [
        { '@type': 'Person', name: '北条 さやか', jobTitle: '国家資格キャリアコンサルタント' },
      ],
      publisher: { '@id': 'https://career.example/#organization' },
      image: ['https://career.example/api/media/file/hero.png'],
      inLanguage: 'ja',
    })
  })

  it('number breadcrumb items from 1 and leave the current page without a link', () => {
    const ld = breadcrumbJsonLd([{ name: 'ホーム', path: '/' }, { name: '記事' }], origin)
    expect(ld.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'ホーム', item: 'https://career.example/' },
      { '@type': 'ListItem', position: 2, name: '記事' },
    ])
  })

  it('give an agent its aggregate rating and reviews named by pen name or a fixed wording', () => {
    const ld = agentJsonLd(
      {
        name: 'フリーランスポート',
        slug: 'fp',
        description: '説明',
        ratingAverage: 3.9,
        reviewCount: 7,
      },
      [
        {
          rating: 5,
          title: '早かった',
          body: '本文',
          submittedAt: '2026-11-10T03:00:00.000Z',
          penName: 'ぽんた',
        },
        { rating: 2, title: '遅かった', body: '本文', submittedAt: '2026-11-11', penName: null },
      ],
      origin,
    )
    expect(ld).toMatchObject({
      '@type': 'Organization',
      name: 'フリーランスポート',
      aggregateRating: {
        '@type': 'AggregateRating',
        ratingValue: 3.9,
        reviewCount: 7,
        bestRating: 5,
        worstRating: 1,
      },
      review: [
        {
          '@type': 'Review',
          reviewRating: { '@type': 'Rating', ratingValue: 5 },
          datePublished: '2026-11-10',
          author: { '@type': 'Person', name: 'ぽんた' },
        },
        // attributes are not a name (Google's review rules): a fixed wording stands in
        { '@type': 'Review', author: { '@type': 'Person', name: '匿名の利用者' } },
      ],
    })
  })

  it('leave out the rating of an agent with no reviews', () => {
    const ld = agentJsonLd(
      { name: 'x', slug: 'x', description: 'd', ratingAverage: 0, reviewCount: 0 },
      [],
      origin,
    )
    expect(ld).not.toHaveProperty('aggregateRating')
    expect(ld).not.toHaveProperty('review')
    expect(organizationJsonLd(settings, origin)).toMatchObject({
      '@id': 'https://career.example/#organization',
      name: 'キャリアしるべ',
    })
  })

  it('serialise so that no value can close the script element', () => {
    const text = serializeJsonLd({ name: '</script><script>alert(1)</script>' })
    expect(text).not.toContain('</script>')
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' })
  })
})
