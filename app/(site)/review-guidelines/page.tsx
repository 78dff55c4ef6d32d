import type { Metadata } from 'next'

import { PolicyPage } from '@/components/PolicyPage'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { MIN_GROUP } from '@/lib/reviewPrivacy'
import { REPORT_LIMITS } from '@/lib/reviewReports'
import { pageMetadata } from '@/lib/seo/metadata'

// rendered per request from cached settings: nothing is prerendered before the database exists
export const dynamic = 'force-dynamic'

export async function generateMetadata(): Promise<Metadata> {
  const { siteName } = await getSiteSettings()
  return pageMetadata({
    title: '口コミ投稿ガイドライン',
    description: `${siteName}に掲載する口コミの募集方法と審査基準`,
    path: '/review-guidelines',
    siteName,
  })
}

export default async function ReviewGuidelinesPage() {
  const settings = await getSiteSettings()
  return (
    <PolicyPage title="口コミ投稿ガイドライン" path="/review-guidelines">
      <section>
        <h2>口コミの集め方</h2>
        <p>{settings.reviewSourceLine}</p>
        <p>
          口コミは、実際にサービスを利用した方からのみ募集しています。広告主が口コミを書いたり、内容を指示したりすることはありません。投稿に対して報酬をお支払いすることもありません。
        </p>
      </section>
      <section>
        <h2>掲載前の審査</h2>
        <p>投稿された口コミは、編集部が次の基準で確認してから掲載します。</p>
        <ul>
          <li>利用した時期や内容など、実際の体験が具体的に書かれていること</li>
          <li>特定の個人を誹謗中傷したり、個人を特定できる情報を含んだりしていないこと</li>
          <li>他のサービスへの誘導や宣伝を目的としていないこと</li>
          <li>同じ内容の繰り返しや、意味の通らない文章ではないこと</li>
        </ul>
        <p>
          評価の高低を理由に掲載を見送ることはありません。低い評価の口コミも、基準を満たしていれば掲載します。
        </p>
      </section>
      <section>
        <h2>投稿のきまり</h2>
        <ul>
          <li>タイトルは5〜60文字、本文は100〜2,000文字で書いてください。</li>
          <li>URL・メールアドレス・電話番号は書けません(宣伝や個人の特定につながるため)。</li>
          <li>
            同じエージェントについての投稿は30日に1件、投稿は1日に5件までです。ほかの口コミと同じ内容の投稿は受け付けません。
          </li>
          <li>
            エージェントや第三者から謝礼・特典を受け取って書いた口コミは、その旨を選んでください。評価にかかわらず掲載し、「謝礼あり」と表示します。
          </li>
        </ul>
      </section>
      <section>
        <h2>投稿者の情報の扱い</h2>
        <p>
          年代・性別・業界・経験年数は、読者が自分に近い人の声を探せるように任意でお聞きしています。どの項目も「回答しない」を選べます。不正な投稿を防ぐための情報は、元に戻せない形に変換して保管し、投稿者の連絡先そのものは保存しません。
        </p>
        <p>
          投稿者が特定されないよう、属性は次の決まりで表示します。同じエージェントの掲載中の口コミのうち、表示する属性の組み合わせ(年代・性別・業界・経験年数)が同じものが
          {MIN_GROUP}
          件に満たないときは、その中で最も少ない属性から順に、より大きな区分(例:「30代」→「20〜30代」、「実務経験1~3年」→「実務経験3年未満」)にまとめるか、表示しません。
          {MIN_GROUP}
          件以上が同じ表示になるまでこれを繰り返し、まとめた口コミには「属性の一部をまとめて表示」、表示しなかった口コミには「属性の一部を伏せて表示」と添えます。属性での絞り込みにも、まとめた後の表示を使います。項目別の評価(担当者の対応など)と年代別・業界別・経験年数別の平均も、
          {MIN_GROUP}
          件以上の口コミがあるものだけを表示します。
        </p>
      </section>
      <section>
        <h2>通報と「参考になった」</h2>
        <ul>
          <li>
            ガイドラインに反すると思われる口コミは、各口コミの「通報する」から理由を添えて編集部に知らせてください。編集部が確認して判断するまで、口コミは掲載されたままです。判断はほかの審査と同じく記録します。通報は同じ口コミに1回、1日に
            {REPORT_LIMITS.perDay}件までです。
          </li>
          <li>
            「参考になった」は1つの口コミに1人1回です。並べ替えの「参考になった順」に使います。
          </li>
        </ul>
      </section>
    </PolicyPage>
  )
}
