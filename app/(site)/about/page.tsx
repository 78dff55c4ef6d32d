import type { Metadata } from 'next'

import { PolicyPage } from '@/components/PolicyPage'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { pageMetadata } from '@/lib/seo/metadata'

// rendered per request from cached settings: nothing is prerendered before the database exists
export const dynamic = 'force-dynamic'

export async function generateMetadata(): Promise<Metadata> {
  const { siteName } = await getSiteSettings()
  return pageMetadata({
    title: '運営者情報',
    description: `${siteName}の運営会社と編集方針`,
    path: '/about',
    siteName,
  })
}

export default async function AboutPage() {
  const settings = await getSiteSettings()
  return (
    <PolicyPage title="運営者情報" path="/about">
      <section>
        <h2>運営会社</h2>
        <dl className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm">
          <div className="grid grid-cols-3 gap-2 p-3">
            <dt className="font-bold">サイト名</dt>
            <dd className="col-span-2">{settings.siteName}</dd>
          </div>
          <div className="grid grid-cols-3 gap-2 p-3">
            <dt className="font-bold">運営</dt>
            <dd className="col-span-2">{settings.operatorName}</dd>
          </div>
          <div className="grid grid-cols-3 gap-2 p-3">
            <dt className="font-bold">許可</dt>
            <dd className="col-span-2">{settings.licenceLine}</dd>
          </div>
          <div className="grid grid-cols-3 gap-2 p-3">
            <dt className="font-bold">お問い合わせ</dt>
            <dd className="col-span-2">info@shirube-media.example(デモ用の架空の窓口です)</dd>
          </div>
        </dl>
      </section>
      <section>
        <h2>編集方針</h2>
        <p>
          記事は、人材業界やIT業界での実務経験を持つライターが執筆し、キャリアコンサルタントの資格を持つ編集者が内容を確認してから公開しています。数値や制度に関する記述は、公的な資料や各サービスの公開情報をもとに、調査時点を明記して掲載します。
        </p>
      </section>
      <section>
        <h2>このサイトについて</h2>
        <p>
          このサイトはデモンストレーション用に作成したもので、掲載している会社・サービス・人物・数値はすべて架空のものです。
        </p>
      </section>
    </PolicyPage>
  )
}
