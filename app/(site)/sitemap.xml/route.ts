import { serverUrl } from '@/lib/env'
import { getPublishedArticleCount } from '@/lib/queries/articles'
import { PAGES_SITEMAP, articleSitemapFiles, sitemapIndexXml, xmlResponse } from '@/lib/sitemap'

export const dynamic = 'force-dynamic'

/** The sitemap index: the site's pages, then the article files (lib/sitemap.ts). */
export async function GET() {
  const origin = serverUrl()
  const files = [PAGES_SITEMAP, ...articleSitemapFiles(await getPublishedArticleCount())]
  return xmlResponse(sitemapIndexXml(files.map((file) => ({ url: `${origin}/sitemaps/${file}` }))))
}
