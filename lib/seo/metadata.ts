import type { Metadata } from 'next'

type Input = {
  title: string
  description?: string | null
  /** Site-relative path of the canonical URL, e.g. /articles/pmo-suited-person */
  path: string
  /** Absolute or site-relative URL of a 1200×630 picture; the site's default otherwise. */
  image?: string | null
  type?: 'website' | 'article'
  publishedTime?: string | null
  modifiedTime?: string | null
  siteName?: string
}

export const DEFAULT_OG_IMAGE = '/og-default.png'

/** Title, description, canonical URL, Open Graph and Twitter card for a page. */
export function pageMetadata({
  title,
  description,
  path,
  image,
  type = 'website',
  publishedTime,
  modifiedTime,
  siteName,
}: Input): Metadata {
  const images = [{ url: image || DEFAULT_OG_IMAGE, width: 1200, height: 630 }]
  return {
    title,
    description: description ?? undefined,
    // every page names the canonical URL and the site's RSS feed
    alternates: { canonical: path, types: { 'application/rss+xml': '/feed.xml' } },
    openGraph: {
      title,
      description: description ?? undefined,
      url: path,
      type,
      locale: 'ja_JP',
      siteName,
      images,
      ...(type === 'article' && publishedTime ? { publishedTime } : {}),
      ...(type === 'article' && modifiedTime ? { modifiedTime } : {}),
    },
    twitter: {
      card: 'summary_large_image',
      title,
      description: description ?? undefined,
      images: images.map((i) => i.url),
    },
  }
}
