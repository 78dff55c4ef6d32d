import { describe, expect, it } from 'vitest'

import {
  ARTICLES_PER_SITEMAP,
  REVIEWS_PER_SITEMAP,
  articleSitemapFiles,
  parseSitemapFile,
  reviewSitemapFiles,
  sitemapIndexXml,
  urlsetXml,
} from './sitemap'

describe('the sitemap index', () => {
  it('splits the articles into files of at most 10,000 addresses (search engines take 50,000)', () => {
    expect(ARTICLES_PER_SITEMAP).toBeLessThanOrEqual(50_000)
    expect(articleSitemapFiles(0)).toEqual(['articles-0.xml'])
    expect(articleSitemapFiles(10_000)).toEqual(['articles-0.xml'])
    expect(articleSitemapFiles(10_001)).toEqual(['articles-0.xml', 'articles-1.xml'])
    expect(articleSitemapFiles(100_000)).toHaveLength(10)
    expect(articleSitemapFiles(100_000).at(-1)).toBe('articles-9.xml')
  })

  it('splits the published reviews likewise, with no file while there is none', () => {
    expect(REVIEWS_PER_SITEMAP).toBeLessThanOrEqual(50_000)
    expect(reviewSitemapFiles(0)).toEqual([])
    expect(reviewSitemapFiles(1)).toEqual(['reviews-0.xml'])
    expect(reviewSitemapFiles(1_000_000)).toHaveLength(100)
    expect(reviewSitemapFiles(1_000_000).at(-1)).toBe('reviews-99.xml')
  })

  it('answers only the names it writes', () => {
    expect(parseSitemapFile('pages.xml')).toBe('pages')
    expect(parseSitemapFile('articles-0.xml')).toEqual({ kind: 'articles', n: 0 })
    expect(parseSitemapFile('articles-12.xml')).toEqual({ kind: 'articles', n: 12 })
    expect(parseSitemapFile('reviews-99.xml')).toEqual({ kind: 'reviews', n: 99 })
    for (const name of [
      'articles-01.xml',
      'articles--1.xml',
      'articles-1.xml.gz',
      'reviews-00.xml',
      'review-1.xml',
      'x.xml',
      '',
    ]) {
      expect(parseSitemapFile(name), name).toBeNull()
    }
  })

  it('writes the sitemaps.org formats, with addresses escaped', () => {
    const urls = urlsetXml([
      { url: 'https://example.jp/a?x=1&y=2', lastModified: '2026-11-01T00:00:00.000Z' },
      { url: 'https://example.jp/b' },
    ])
    expect(urls).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect(urls).toContain(
      '<url><loc>https://example.jp/a?x=1&amp;y=2</loc><lastmod>2026-11-01T00:00:00.000Z</lastmod></url>',
    )
    expect(urls).toContain('<url><loc>https://example.jp/b</loc></url>')
    const index = sitemapIndexXml([{ url: 'https://example.jp/sitemaps/pages.xml' }])
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect(index).toContain('<sitemap><loc>https://example.jp/sitemaps/pages.xml</loc></sitemap>')
  })
})
