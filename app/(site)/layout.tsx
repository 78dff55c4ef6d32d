import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'

import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { serverUrl } from '@/lib/env'
import { JsonLd } from '@/components/JsonLd'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { organizationJsonLd } from '@/lib/seo/jsonLd'

import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings()
  return {
    metadataBase: new URL(serverUrl()),
    title: { default: settings.siteName, template: `%s | ${settings.siteName}` },
    description: settings.siteDescription ?? undefined,
    alternates: {
      types: { 'application/rss+xml': [{ url: '/feed.xml', title: settings.siteName }] },
    },
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const settings = await getSiteSettings()
  return (
    <html lang="ja">
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          本文へスキップ
        </a>
        <JsonLd data={organizationJsonLd(settings, serverUrl())} />
        <SiteHeader siteName={settings.siteName} />
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
        <SiteFooter settings={settings} />
      </body>
    </html>
  )
}
