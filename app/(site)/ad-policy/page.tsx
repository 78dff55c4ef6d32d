import type { Metadata } from 'next'

import { PolicyPage } from '@/components/PolicyPage'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { pageMetadata } from '@/lib/seo/metadata'

// rendered per request from cached settings: nothing is prerendered before the database exists
export const dynamic = 'force-dynamic'

export async function generateMetadata(): Promise<Metadata> {
  const { siteName } = await getSiteSettings()
  return pageMetadata({
    title: '広告掲載ポリシー',
    description: `${siteName}の広告・アフィリエイトの扱いと表示のルール`,
    path: '/ad-policy',
    siteName,
  })
}

export default async function AdPolicyPage() {
  const settings = await getSiteSettings()
  return (
    <PolicyPage title="広告掲載ポリシー" path="/ad-policy">
      <section>
        <h2>収益の仕組み</h2>
        <p>
          {settings.siteName}(以下「当サイト」)は、{settings.operatorName}
          が運営する情報メディアです。当サイトは転職エージェント・フリーランスエージェントなどのアフィリエイトプログラムに参加しており、記事内のリンクからサービスに申し込みがあった場合に、広告主から報酬を受け取ることがあります。
        </p>
      </section>
      <section>
        <h2>広告であることの表示</h2>
        <ul>
          <li>
            広告主のサービスへのリンクやボタンを含むページには、本文の冒頭に「
            {settings.prDisclosureText}」と表示します。
          </li>
          <li>申し込みページへのボタンとリンクには、それぞれ「PR」と表示します。</li>
          <li>広告主から依頼を受けて制作したタイアップ記事には、広告主の名前を明記します。</li>
        </ul>
      </section>
      <section>
        <h2>評価・順位の決め方</h2>
        <p>
          エージェントの比較やランキングは、当サイトが独自に募集し審査した口コミの平均評価と件数をもとに決めています。報酬の有無や金額が、評価・順位・掲載内容に影響することはありません。並び順の基準は各ページに記載しています。
        </p>
      </section>
      <section>
        <h2>掲載情報の正確さ</h2>
        <p>
          求人数・案件数などの数値には、必ず調査時点を併記しています。最新の情報は各サービスの公式サイトでご確認ください。誤りを見つけた場合は運営者情報ページの窓口までお知らせください。
        </p>
      </section>
    </PolicyPage>
  )
}
