// Demo accounts, one per role. Their passwords are documented in the README for trying the
// admin locally; DEMO_PASSWORD replaces all four for any shared machine.
export const DEMO_USERS = [
  {
    email: 'admin@example.com',
    password: 'admin-demo-2026',
    displayName: '青柳 拓真',
    roles: ['admin'] as const,
    qualification: 'サイト管理者',
    bio: null,
  },
  {
    email: 'editor@example.com',
    password: 'editor-demo-2026',
    displayName: '北条 さやか',
    roles: ['editor'] as const,
    profileSlug: 'hojo-sayaka',
    qualification: '国家資格キャリアコンサルタント',
    bio: '人材紹介会社で8年間キャリアアドバイザーを務め、IT・コンサル領域で延べ1,500人以上の転職相談を担当。現在は編集長として記事の監修を行う。',
  },
  {
    email: 'writer@example.com',
    password: 'writer-demo-2026',
    displayName: '水野 健太',
    roles: ['writer'] as const,
    profileSlug: 'mizuno-kenta',
    qualification: '元SIerのPMO・フリーランスライター',
    bio: 'SIerでPMOとして5年間、金融系の大規模開発を支援。独立後はIT人材のキャリアをテーマに執筆している。',
  },
  {
    email: 'marketer@example.com',
    password: 'marketer-demo-2026',
    displayName: '西田 葵',
    roles: ['marketer'] as const,
    qualification: null,
    bio: null,
  },
]

export const CATEGORIES = [
  {
    slug: 'career-guide',
    name: 'キャリアの考え方',
    description: '職種ごとの適性やキャリアパス、これからの働き方を考えるための記事をまとめています。',
  },
  {
    slug: 'job-change',
    name: '転職ノウハウ',
    description: '応募書類の作り方から面接対策、退職までの段取りまで、転職活動の実務を解説します。',
  },
  {
    slug: 'freelance',
    name: 'フリーランス・副業',
    description: '独立の準備、案件の探し方、税金や契約の基本など、会社の外で働く人のための記事です。',
  },
]

export const SITE_SETTINGS = {
  siteName: 'キャリアしるべ',
  siteDescription:
    'ITとコンサルのキャリアに迷う人のための情報メディア。職種の解説、転職・独立のノウハウ、エージェントの口コミを届けます。',
  operatorName: '株式会社しるべメディア(架空の運営会社)',
  licenceLine:
    '※ 当サイトは、有料職業紹介事業の許可(許可番号 00-ユ-000000・デモ用の架空番号)を受けた株式会社しるべメディアが運営しています。',
  prDisclosureText: '※ 本コンテンツにはプロモーション(PR)が含まれています。',
  reviewSourceLine:
    '※ 口コミは当サイトが独自に募集し、編集部が内容を確認したうえで掲載しています。個人の感想であり、サービスの効果を保証するものではありません。',
  adPolicySummary:
    '当サイトはアフィリエイトプログラムに参加しており、記事内のリンクから申し込みがあった場合に広告主から報酬を受け取ることがあります。報酬の有無が評価や順位に影響することはありません。',
}

/**
 * The demo's affiliate settings: a sub-ID on every ASP's links (the demo's parameter name;
 * a real site enters the parameter each ASP documents) and how the demo ASP's results CSV
 * is read.
 */
export const AFFILIATE_SETTINGS = {
  subIds: (['a8', 'afb', 'valuecommerce', 'moshimo', 'accesstrade'] as const).map((asp) => ({
    asp,
    parameter: 'sub_id',
    template: '{click}',
  })),
  resultImports: [
    {
      asp: 'a8' as const,
      dateColumn: '発生日時',
      subIdColumn: 'サブID',
      statusColumn: 'ステータス',
      rewardColumn: '報酬額',
      orderIdColumn: '成果ID',
      programColumn: 'プログラム名',
      pendingWords: '発生,未確定',
      confirmedWords: '確定',
      rejectedWords: '否認,キャンセル',
    },
  ],
}
