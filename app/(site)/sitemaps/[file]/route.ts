import { serverUrl } from '@/lib/env'
import { getArticleSitemapFile, getPublishedArticleCount } from '@/lib/queries/articles'
import {
  ARTICLES_PER_SITEMAP,
  articleSitemapFiles,
  parseSitemapFile,
  urlsetXml,
  xmlResponse,
} from '@/lib/sitemap'

import { pageEntries } from '@/lib/seo/sitemapPages'

export const dynamic = 'force-dynamic'

const notFound = () =>
  new Response('サイトマップが見つかりません。', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })

/** One file of the sitemap: the site's pages, or one file of article addresses. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = parseSitemapFile((await params).file)
  if (file === null) return notFound()
  const origin = serverUrl()
  if (file === 'pages') return xmlResponse(urlsetXml(await pageEntries()))
  // a file past the last one does not exist (the first always does, even when empty)
  if (file >= articleSitemapFiles(await getPublishedArticleCount()).length) return notFound()
  const articles = await getArticleSitemapFile(file, ARTICLES_PER_SITEMAP)
  return xmlResponse(
    urlsetXml(
      articles.map((a) => ({ url: `${origin}/articles/${a.slug}`, lastModified: a.updatedAt })),
    ),
  )
}
