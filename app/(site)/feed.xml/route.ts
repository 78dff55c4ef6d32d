import { serverUrl } from '@/lib/env'
import { getPublishedArticleIndex } from '@/lib/queries/articles'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { escapeXml } from '@/lib/xml'

export const dynamic = 'force-dynamic'

/** RSS 2.0 of the 20 newest articles. */
export async function GET() {
  const origin = serverUrl()
  const [settings, articles] = await Promise.all([getSiteSettings(), getPublishedArticleIndex(20)])
  const items = articles
    .map(
      (a) => `    <item>
      <title>${escapeXml(a.title)}</title>
      <link>${origin}/articles/${a.slug}</link>
      <guid isPermaLink="true">${origin}/articles/${a.slug}</guid>
      <description>${escapeXml(a.lead)}</description>
      ${a.publishedAt ? `<pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate>` : ''}
    </item>`,
    )
    .join('\n')
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(settings.siteName)}</title>
    <link>${origin}/</link>
    <description>${escapeXml(settings.siteDescription ?? settings.siteName)}</description>
    <language>ja</language>
    <atom:link href="${origin}/feed.xml" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/rss+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=0, s-maxage=300',
    },
  })
}
