// The sitemap is an index (/sitemap.xml) of smaller files under /sitemaps/: one for the site's
// own pages, agents and categories, and the published articles in files of at most
// ARTICLES_PER_SITEMAP addresses, oldest first, so that a new article only changes the last
// file. Search engines accept up to 50,000 addresses per file; 10,000 keeps each file and its
// data well inside the page cache's and Next's data cache's limits per entry.

import { escapeXml } from './xml'

export const ARTICLES_PER_SITEMAP = 10_000

/** The site's pages other than articles. */
export const PAGES_SITEMAP = 'pages.xml'

/** The file names of the article sitemaps for this many published articles (at least one). */
export function articleSitemapFiles(articles: number, perFile = ARTICLES_PER_SITEMAP): string[] {
  const files = Math.max(1, Math.ceil(articles / perFile))
  return Array.from({ length: files }, (_, n) => `articles-${n}.xml`)
}

/**
 * The names of the files under /sitemaps/ (the pages, or an article file's number without
 * leading zeros), as a pattern source: the page cache's route list matches the same names.
 */
export const SITEMAP_FILE_NAME = String.raw`(?:pages|articles-(0|[1-9]\d{0,3}))\.xml`
const sitemapFileName = new RegExp(`^${SITEMAP_FILE_NAME}$`)

/** Which file a name asks for: the pages, an article file's number, or null (not a sitemap). */
export function parseSitemapFile(name: string): 'pages' | number | null {
  const match = sitemapFileName.exec(name)
  if (!match) return null
  return match[1] === undefined ? 'pages' : Number(match[1])
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
