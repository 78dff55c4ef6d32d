import type { Metadata, Viewport } from 'next'

import { NotFoundContent } from '@/components/NotFoundContent'
import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { getSiteSettings } from '@/lib/queries/siteSettings'

import './(site)/globals.css'

// The page for an address no route has, and for a page that finds nothing to show
// (notFound()). The site has two root layouts, the public site's and the admin's, and without
// a global one Next answered a missing page's first request with an empty document the
// browser filled in only with JavaScript: no lang, no heading, no text. This one is rendered
// on the server, whole, in the site's frame.

export async function generateMetadata(): Promise<Metadata> {
  const { siteName } = await getSiteSettings()
  return {
    title: `ページが見つかりませんでした | ${siteName}`,
    robots: { index: false },
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default async function GlobalNotFound() {
  const settings = await getSiteSettings()
  return (
    <html lang="ja">
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">
        <SiteHeader siteName={settings.siteName} />
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          <NotFoundContent />
        </main>
        <SiteFooter settings={settings} />
      </body>
    </html>
  )
}
