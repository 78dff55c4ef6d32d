import { serverUrl } from '@/lib/env'
import { getArticleSitemapDates, getPublishedArticleCount } from '@/lib/queries/articles'
import {
  ARTICLES_PER_SITEMAP,
  PAGES_SITEMAP,
  articleSitemapFiles,
  latest,
  sitemapIndexXml,
  xmlResponse,
} from '@/lib/sitemap'

import { pageEntries } from '@/lib/seo/sitemapPages'

export const dynamic = 'force-dynamic'

/**
 * The sitemap index: the site's pages, then the article files (lib/sitemap.ts), each with the
 * latest change among its addresses as its <lastmod>, so a crawler fetches only the files that
 * changed.
 */
export async function GET() {
  const origin = serverUrl()
  const files = articleSitemapFiles(await getPublishedArticleCount())
  const [pages, dates] = await Promise.all([
    pageEntries(),
    getArticleSitemapDates(files.length, ARTICLES_PER_SITEMAP),
  ])
  return xmlResponse(
    sitemapIndexXml([
      {
        url: `${origin}/sitemaps/${PAGES_SITEMAP}`,
        lastModified: latest(pages.map((p) => p.lastModified)),
      },
      ...files.map((file, n) => ({
        url: `${origin}/sitemaps/${file}`,
        lastModified: dates[n],
      })),
    ]),
  )
}
