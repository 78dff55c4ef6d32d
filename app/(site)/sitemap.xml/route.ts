import { serverUrl } from '@/lib/env'
import { getPublishedReviewCount, getReviewSitemapDates } from '@/lib/queries/agents'
import { getArticleSitemapDates, getPublishedArticleCount } from '@/lib/queries/articles'
import {
  ARTICLES_PER_SITEMAP,
  PAGES_SITEMAP,
  REVIEWS_PER_SITEMAP,
  articleSitemapFiles,
  reviewSitemapFiles,
  latest,
  sitemapIndexXml,
  xmlResponse,
} from '@/lib/sitemap'

import { pageEntries } from '@/lib/seo/sitemapPages'

export const dynamic = 'force-dynamic'

/**
 * The sitemap index: the site's pages, then the article and review files (lib/sitemap.ts), each with the
 * latest change among its addresses as its <lastmod>, so a crawler fetches only the files that
 * changed.
 */
export async function GET() {
  const origin = serverUrl()
  const [articleCount, reviewCount] = await Promise.all([
    getPublishedArticleCount(),
    getPublishedReviewCount(),
  ])
  const files = articleSitemapFiles(articleCount)
  const reviewFiles = reviewSitemapFiles(reviewCount)
  const [pages, dates, reviewDates] = await Promise.all([
    pageEntries(),
    getArticleSitemapDates(files.length, ARTICLES_PER_SITEMAP),
    getReviewSitemapDates(reviewFiles.length, REVIEWS_PER_SITEMAP),
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
      ...reviewFiles.map((file, n) => ({
        url: `${origin}/sitemaps/${file}`,
        lastModified: reviewDates[n],
      })),
    ]),
  )
}
