import Link from 'next/link'

import { OWN_REVIEWS_PATH } from '@/lib/reviewForm'
import type { SiteSetting } from '@/payload-types'

type Props = {
  settings: Pick<SiteSetting, 'siteName' | 'operatorName' | 'licenceLine' | 'adPolicySummary'>
}

/** Operator, licence and advertising disclosures on every page. */
export function SiteFooter({ settings }: Props) {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-slate-50 text-sm text-slate-700">
      <div className="mx-auto max-w-5xl space-y-3 px-4 py-8">
        <p className="font-bold text-slate-900">{settings.siteName}</p>
        <p>運営:{settings.operatorName}</p>
        <p>{settings.licenceLine}</p>
        {settings.adPolicySummary ? <p>{settings.adPolicySummary}</p> : null}
        <nav aria-label="フッターメニュー">
          <ul className="flex flex-wrap gap-x-5 gap-y-2">
            <li>
              <Link href="/" className="inline-block py-1 underline">
                ホーム
              </Link>
            </li>
            <li>
              <Link href="/agents" className="inline-block py-1 underline">
                エージェント比較
              </Link>
            </li>
            <li>
              <Link href="/ad-policy" className="inline-block py-1 underline">
                広告掲載ポリシー
              </Link>
            </li>
            <li>
              <Link href="/review-guidelines" className="inline-block py-1 underline">
                口コミ投稿ガイドライン
              </Link>
            </li>
            <li>
              <Link href={OWN_REVIEWS_PATH} className="inline-block py-1 underline">
                投稿した口コミ
              </Link>
            </li>
            <li>
              <Link href="/privacy" className="inline-block py-1 underline">
                プライバシーポリシー
              </Link>
            </li>
            <li>
              <Link href="/about" className="inline-block py-1 underline">
                運営者情報
              </Link>
            </li>
          </ul>
        </nav>
        <p className="text-xs text-slate-600">© {settings.siteName}</p>
      </div>
    </footer>
  )
}
