import type { ReactNode } from 'react'

import { JsonLd } from '@/components/JsonLd'
import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { serverUrl } from '@/lib/env'
import type { SiteSetting } from '@/payload-types'
import { organizationJsonLd } from '@/lib/seo/jsonLd'

type Props = { settings: SiteSetting; children: ReactNode }

/**
 * The public site's document: skip link, the operator's Organization data, header, main and
 * footer. The site's root layout and its 404 document (app/global-not-found.tsx) share it.
 */
export function SiteDocument({ settings, children }: Props) {
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
