'use client'

import { useConfig } from '@payloadcms/ui'
import { useSyncExternalStore } from 'react'

/**
 * The admin works only at the site's own address (SITE_URL): the API refuses a signed-in
 * request from any other origin (CSRF protection), so at http://127.0.0.1:3000 a site set up
 * as http://localhost:3000 would refuse every save with 「このアクションは許可されていません。」.
 * Shown on the sign-in screen and above every admin page when the browser's address differs,
 * with a link to the same page at the right one.
 */
export function OriginNotice() {
  const { config } = useConfig()
  // the browser's address; nothing on the server, so the first render matches it
  const here = useSyncExternalStore(
    () => () => undefined,
    () => window.location.origin,
    () => null,
  )
  const expected = config.serverURL
  if (!here || !expected || here === expected) return null
  const same = `${expected}${window.location.pathname}${window.location.search}`
  return (
    <div role="alert" className="origin-notice">
      <p>
        管理画面は <a href={same}>{expected}</a> で開いてください。いまのアドレス({here}
        )では、ログインできても保存や公開が拒否されます(別のサイトからの操作を防ぐ仕組みのため)。
      </p>
    </div>
  )
}
