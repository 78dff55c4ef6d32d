import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'

import { SiteDocument } from '@/components/SiteDocument'
import { serverUrl } from '@/lib/env'
import { getSiteSettings } from '@/lib/queries/siteSettings'

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
  return <SiteDocument settings={settings}>{children}</SiteDocument>
}
