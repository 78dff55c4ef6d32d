// The sitemap is an index (/sitemap.xml) of smaller files under /sitemaps/: one for the site's
// own pages, agents and categories, the published articles in files of at most
// ARTICLES_PER_SITEMAP addresses and the published reviews' own pages in files of at most
// REVIEWS_PER_SITEMAP, each oldest first (lib/sitemapRuns.ts), so that a new article or review
// only changes the last file. Search engines accept up to 50,000 addresses per file; 10,000
// keeps each file and its data well inside the page cache's and Next's data cache's limits per
// entry.

import { escapeXml } from './xml'

export const ARTICLES_PER_SITEMAP = 10_000
export const REVIEWS_PER_SITEMAP = 10_000

/** The site's pages other than articles. */
export const PAGES_SITEMAP = 'pages.xml'

/** The kinds of sitemap file that list many addresses. */
export type SitemapKind = 'articles' | 'reviews'

/** The file names of the article sitemaps for this many published articles (at least one). */
export function articleSitemapFiles(articles: number, perFile = ARTICLES_PER_SITEMAP): string[] {
  return sitemapFiles('articles', articles, perFile, 1)
}

/** The file names of the review sitemaps for this many published reviews (none for none). */
export function reviewSitemapFiles(reviews: number, perFile = REVIEWS_PER_SITEMAP): string[] {
  return sitemapFiles('reviews', reviews, perFile, 0)
}

function sitemapFiles(kind: SitemapKind, rows: number, perFile: number, atLeast: number) {
  const files = Math.max(atLeast, Math.ceil(rows / perFile))
  return Array.from({ length: files }, (_, n) => `${kind}-${n}.xml`)
}

/**
 * The names of the files under /sitemaps/ (the pages, or an article or review file's number
 * without leading zeros), as a pattern source: the page cache's route list matches the same
 * names.
 */
export const SITEMAP_FILE_NAME = String.raw`(?:pages|(?:articles|reviews)-(?:0|[1-9]\d{0,3}))\.xml`
const sitemapFileName = /^(?:pages|(articles|reviews)-(0|[1-9]\d{0,3}))\.xml$/

/** Which file a name asks for: the pages, a numbered file of a kind, or null (not a sitemap). */
export function parseSitemapFile(name: string): 'pages' | { kind: SitemapKind; n: number } | null {
  const match = sitemapFileName.exec(name)
  if (!match) return null
  return match[1] === undefined ? 'pages' : { kind: match[1] as SitemapKind, n: Number(match[2]) }
}

const lastmod = (date: string | null | undefined) =>
  date ? `<lastmod>${new Date(date).toISOString()}</lastmod>` : ''

export type SitemapEntry = { url: string; lastModified?: string | null }

/** The latest of some dates (ISO strings), or null when there is none. */
export function latest(dates: (string | null | undefined)[]): string | null {
  let best: string | null = null
  let bestTime = -Infinity
  for (const date of dates) {
    const time = date ? Date.parse(date) : NaN
    if (time > bestTime) [best, bestTime] = [date as string, time]
  }
  return best
}

/** A sitemap document: one `<item>` per entry (its address and last change) in `<root>`. */
function sitemapXml(
  root: 'urlset' | 'sitemapindex',
  item: 'url' | 'sitemap',
  entries: SitemapEntry[],
) {
  const items = entries
    .map((e) => `<${item}><loc>${escapeXml(e.url)}</loc>${lastmod(e.lastModified)}</${item}>`)
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<${root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${items}
</${root}>
`
}

export const urlsetXml = (entries: SitemapEntry[]) => sitemapXml('urlset', 'url', entries)

export const sitemapIndexXml = (files: SitemapEntry[]) =>
  sitemapXml('sitemapindex', 'sitemap', files)

export const xmlResponse = (xml: string) =>
  new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
