// Japanese text for the generated archive (bench/data.ts): titles, leads and bodies of the
// length and shape of the site's guides (headings, paragraphs of three or four sentences, about
// 4,000 characters), put together from the phrases below by a seeded generator, so every run
// makes the same archive and no two articles share a body.

const TOPICS = [
  '転職エージェント',
  'フリーランスエージェント',
  '年収交渉',
  '職務経歴書',
  '面接対策',
  '副業',
  'ITエンジニアの転職',
  'PMOの案件',
  'コンサルタントへの転職',
  '第二新卒の転職',
  '管理職の転職',
  'リモートワーク',
  '確定申告',
  '業務委託契約',
  '単価交渉',
  '退職の伝え方',
  '内定の比較',
  'キャリアの棚卸し',
  '未経験からの転職',
  '外資系企業への転職',
]

const ASPECTS = [
  '選び方',
  '始め方',
  'よくある失敗',
  '押さえたいポイント',
  '進め方と注意点',
  '比較のしかた',
  '準備の手順',
  '実例で見るコツ',
]

const HEADINGS = [
  'まず確認したいこと',
  '担当者との付き合い方',
  '求人や案件の見極め方',
  '条件交渉の進め方',
  'よくある質問',
  'つまずきやすい場面',
  '費用と期間の目安',
  'まとめと次の一歩',
]

const SENTENCES = [
  '最初の面談では、これまでの経験と次に望む働き方を具体的に伝えておくと話が早く進みます。',
  '担当者によって得意な業界が違うため、二、三社に登録して比べる人が少なくありません。',
  '紹介された求人がすべて希望に合うとは限らないので、合わない理由を言葉にして返すことが大切です。',
  '年収の交渉は内定が出てから始まるのが一般的で、根拠になる実績を数字で示せると有利です。',
  '職務経歴書は担当した業務の規模と成果を一行目に置くと、読み手に伝わりやすくなります。',
  '在職中に活動する場合は、連絡の時間帯や頻度を最初に決めておくと負担が減ります。',
  '面接の前に企業ごとの質問の傾向を聞いておくと、答えの準備に時間をかけられます。',
  'フリーランスの案件では、単価だけでなく稼働日数や契約期間も合わせて確認しましょう。',
  '業務委託契約の支払いサイトは案件によって異なり、手元の資金計画に影響します。',
  '副業から始めて実績を積み、独立の時期を見極める人も増えています。',
  '確定申告では、経費として認められる範囲を早めに整理しておくと慌てずに済みます。',
  'リモートの案件は応募が集まりやすく、募集期間が短い傾向があります。',
  '未経験の職種に挑むときは、これまでの経験から活かせる部分を具体的に示すことが近道です。',
  '外資系企業では、英語での面接や職務内容の細かな定義に備えておく必要があります。',
  '複数の内定を比べるときは、年収に加えて評価制度や働く場所の条件も並べて検討します。',
  '退職の意思は直属の上司に最初に伝え、引き継ぎの計画も合わせて示すと円満に進みます。',
  '口コミを読むときは、投稿者の年代や利用した時期が自分と近いものを重視すると参考になります。',
  'サービスの利用は無料でも、紹介される求人の数や質は時期によって変わります。',
  '面談の日程は平日の夜や週末にも調整してもらえることが多く、在職中でも相談しやすくなっています。',
  '担当者の提案に違和感があれば、遠慮せずに担当の変更を申し出ることもできます。',
  '求人票に書かれていない情報、たとえば残業の実態や配属先の雰囲気も確認しておきたいところです。',
  '経験年数が短くても、担当したプロジェクトの役割を具体的に書けば評価につながります。',
  '単価の相場を知るには、同じ職種の案件をいくつか見比べるのが確実です。',
  '契約を更新するかどうかは、終了日の一か月前までに話し合うのが一般的です。',
  '応募書類の添削を受けると、書類選考の通過率が上がったという声が多く聞かれます。',
  '転職の時期は、賞与の支給日や繁忙期を避けて決めると負担が少なくなります。',
  '希望条件には優先順位をつけ、譲れない条件と相談できる条件を分けておきましょう。',
  '面接の最後に聞かれる逆質問では、入社後の働き方を想像できる質問が好まれます。',
  '年収が下がる転職でも、経験の幅が広がるなら長い目で見て得になることがあります。',
  'エージェント経由の応募では、推薦文が添えられるため書類の印象が変わります。',
  '稼働率の高い案件は収入が安定する一方、学びの時間を確保しにくい面もあります。',
  '社会保険や年金の手続きは、会社を辞めてから十四日以内に済ませる必要があります。',
]

const LEADS = [
  'はじめての人がつまずきやすい点と、その避け方を順に解説します。',
  '利用者の口コミと担当者への取材をもとに、押さえておきたい点をまとめました。',
  '実際の進め方を、準備から入社・契約までの流れに沿って紹介します。',
  '比べるときに見るべき項目と、見落としがちな条件を整理しました。',
]

/** A small seeded generator (mulberry32): the same archive on every run. */
export function seeded(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
  return { next, pick }
}

type Random = ReturnType<typeof seeded>

export type ArchiveText = {
  title: string
  lead: string
  /** sections: a heading and paragraphs of sentences */
  sections: { heading: string; paragraphs: string[] }[]
}

/** One article's text; `n` makes the title unique. */
export function articleText(random: Random, n: number): ArchiveText {
  const topic = random.pick(TOPICS)
  const sections = Array.from({ length: 6 }, () => ({
    heading: random.pick(HEADINGS),
    paragraphs: Array.from({ length: 4 }, () =>
      Array.from({ length: 3 + Math.floor(random.next() * 2) }, () => random.pick(SENTENCES)).join(
        '',
      ),
    ),
  }))
  return {
    title: `${topic}の${random.pick(ASPECTS)}(第${n}回)`,
    lead: `${topic}について、${random.pick(LEADS)}`,
    sections,
  }
}

/** A review's title and body of the length readers write (about 200 characters). */
export function reviewText(random: Random, n: number) {
  const body = Array.from({ length: 4 }, () => random.pick(SENTENCES)).join('')
  return { title: `${random.pick(TOPICS)}で利用しました(${n})`, body }
}

export const CATEGORY_NAMES = [
  '転職エージェント',
  'フリーランス',
  '年収・給与',
  '面接',
  '書類作成',
  '副業',
  'IT・エンジニア',
  'コンサル',
  '営業',
  'マーケティング',
  '管理職',
  '第二新卒',
  '未経験',
  '外資系',
  'リモートワーク',
  '税金・保険',
  '契約',
  '退職',
  '内定',
  'キャリア設計',
  '資格',
  '人事・採用',
  '経理・財務',
  '医療・介護',
  '製造・メーカー',
  '金融',
  '不動産',
  'ベンチャー',
  '公務員',
  'ハイクラス',
]
