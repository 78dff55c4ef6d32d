import { serverUrl } from '@/lib/env'
import { getPublishedReviewCount, getReviewSitemapFile } from '@/lib/queries/agents'
import { getArticleSitemapFile, getPublishedArticleCount } from '@/lib/queries/articles'
import {
  ARTICLES_PER_SITEMAP,
  REVIEWS_PER_SITEMAP,
  articleSitemapFiles,
  parseSitemapFile,
  reviewSitemapFiles,
  urlsetXml,
  xmlResponse,
  type SitemapEntry,
} from '@/lib/sitemap'

import { pageEntries } from '@/lib/seo/sitemapPages'

export const dynamic = 'force-dynamic'

const notFound = () =>
  new Response('サイトマップが見つかりません。', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })

/** One file of the sitemap: the site's pages, or one file of article or review addresses. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = parseSitemapFile((await params).file)
  if (file === null) return notFound()
  const origin = serverUrl()
  if (file === 'pages') return xmlResponse(urlsetXml(await pageEntries()))
  let entries: SitemapEntry[] | null
  if (file.kind === 'articles') {
    // a file past the last one does not exist (the first always does, even when empty)
    if (file.n >= articleSitemapFiles(await getPublishedArticleCount()).length) return notFound()
    const articles = await getArticleSitemapFile(file.n, ARTICLES_PER_SITEMAP)
    entries = articles.map((a) => ({
      url: `${origin}/articles/${a.slug}`,
      lastModified: a.updatedAt,
    }))
  } else {
    if (file.n >= reviewSitemapFiles(await getPublishedReviewCount()).length) return notFound()
    const reviews = await getReviewSitemapFile(file.n, REVIEWS_PER_SITEMAP)
    entries =
      reviews?.map((r) => ({ url: `${origin}${r.path}`, lastModified: r.updatedAt })) ?? null
  }
  return entries ? xmlResponse(urlsetXml(entries)) : notFound()
}
