import type { MetadataRoute } from 'next'

import { serverUrl } from '@/lib/env'

export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  const origin = serverUrl()
  return {
    // affiliate redirects, the CMS and its API are not for search engines
    rules: [{ userAgent: '*', allow: '/', disallow: ['/go/', '/admin', '/api', '/search'] }],
    sitemap: `${origin}/sitemap.xml`,
  }
}
