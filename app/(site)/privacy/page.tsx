import type { Metadata } from 'next'

import { PolicyPage } from '@/components/PolicyPage'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { pageMetadata } from '@/lib/seo/metadata'

// rendered per request from cached settings: nothing is prerendered before the database exists
export const dynamic = 'force-dynamic'

export async function generateMetadata(): Promise<Metadata> {
  const { siteName } = await getSiteSettings()
  return pageMetadata({
    title: 'プライバシーポリシー',
    description: `${siteName}における個人情報とアクセス情報の取り扱い`,
    path: '/privacy',
    siteName,
  })
}

export default async function PrivacyPage() {
  const settings = await getSiteSettings()
  return (
    <PolicyPage title="プライバシーポリシー" path="/privacy">
      <section>
        <h2>取得する情報</h2>
        <ul>
          <li>口コミの投稿内容と、投稿時に任意で選んだ属性(年代・性別・業界・経験年数)</li>
          <li>不正投稿を防ぐための識別子(元の情報に戻せない形に変換したもの)</li>
          <li>広告リンクのクリック日時、クリックされたページ、端末の種類</li>
        </ul>
      </section>
      <section>
        <h2>利用目的</h2>
        <p>
          取得した情報は、口コミの掲載と審査、不正な投稿やクリックの防止、記事と広告の効果測定にのみ利用します。法令に基づく場合を除き、本人の同意なく第三者に提供することはありません。
        </p>
      </section>
      <section>
        <h2>外部サービス</h2>
        <p>
          広告リンクから移動した先のサイトでは、各広告主・アフィリエイトサービスのプライバシーポリシーが適用されます。当サイトはクリックの計測に外部の解析サービスを使用していません。
        </p>
      </section>
      <section>
        <h2>お問い合わせ</h2>
        <p>
          個人情報の開示・訂正・削除のご依頼は、{settings.operatorName}
          の運営者情報ページに記載の窓口までご連絡ください。
        </p>
      </section>
    </PolicyPage>
  )
}
