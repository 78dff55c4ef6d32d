import type { Metadata, Viewport } from 'next'
import { connection } from 'next/server'

import { NotFoundContent } from '@/components/NotFoundContent'
import { SiteDocument } from '@/components/SiteDocument'
import { getSiteSettings } from '@/lib/queries/siteSettings'

import './(site)/globals.css'

// The site's 404 as a whole document, in the public site's frame: the page Next renders for
// an address no route has, and the one the production server answers with when a page finds
// nothing to show (lib/serverRendered404.ts). Rendered at request time, never at build time:
// its header and footer come from the site settings.

export async function generateMetadata(): Promise<Metadata> {
  await connection()
  const { siteName } = await getSiteSettings()
  return {
    title: `ページが見つかりませんでした | ${siteName}`,
    robots: { index: false },
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default async function GlobalNotFound() {
  await connection()
  const settings = await getSiteSettings()
  return (
    <SiteDocument settings={settings}>
      <NotFoundContent />
    </SiteDocument>
  )
}
