// Invented agents: no real company or brand is described here.
export type SeedAgent = {
  slug: string
  name: string
  kind: 'job_change' | 'freelance' | 'consulting' | 'high_class'
  initials: string
  color: string
  catchCopy: string
  description: string
  strengths: string[]
  target: { experience: string; workingDays: string; area: string }
  facts: { label: string; value: string; asOf: string }[]
  link: { slug: string; asp: 'a8' | 'afb' | 'valuecommerce' | 'moshimo' | 'accesstrade' | 'direct' | 'other'; url: string }
}

export const AGENTS: SeedAgent[] = [
  {
    slug: 'michibiki',
    name: 'ミチビキ転職エージェント',
    kind: 'job_change',
    initials: 'MT',
    color: '#1d4ed8',
    catchCopy: '書類添削から年収交渉まで、担当者が二人三脚で伴走',
    description:
      'IT・Web業界を中心に、20代後半から40代の転職を支援する総合型エージェント。一人の担当者が面談から内定後の条件交渉までを受け持つため、話が途切れにくいのが特徴です。',
    strengths: ['IT・Web業界の非公開求人が豊富', '職務経歴書の添削が丁寧', '年収交渉を代行してくれる'],
    target: { experience: '社会人経験2年以上', workingDays: '正社員(週5日)', area: '全国(首都圏・関西が中心)' },
    facts: [
      { label: '公開求人数', value: '約28,000件', asOf: '2026-09-01' },
      { label: '非公開求人の割合', value: '約6割', asOf: '2026-09-01' },
    ],
    link: { slug: 'michibiki-a8', asp: 'a8', url: 'https://michibiki-agent.example/entry?src=aff' },
  },
  {
    slug: 'high-career-bridge',
    name: 'ハイキャリアブリッジ',
    kind: 'high_class',
    initials: 'HB',
    color: '#0f766e',
    catchCopy: '年収800万円以上を目指す管理職・専門職のための転職支援',
    description:
      'マネージャー以上のポジションや、PM・アーキテクトなどの専門職に絞って紹介するハイクラス向けサービス。企業の経営層と直接つながるヘッドハンターが多く在籍しています。',
    strengths: ['年収800万円以上の求人が中心', '経営層に直接推薦してもらえる', '急かされずに中長期で相談できる'],
    target: { experience: 'マネジメント経験または専門職として5年以上', workingDays: '正社員(週5日)', area: '全国・海外' },
    facts: [
      { label: '年収800万円以上の求人', value: '約9,500件', asOf: '2026-06-01' },
      { label: '在籍ヘッドハンター', value: '約1,200名', asOf: '2026-06-01' },
    ],
    link: { slug: 'high-career-bridge-afb', asp: 'afb', url: 'https://high-career-bridge.example/register' },
  },
  {
    slug: 'freelance-port',
    name: 'フリーランスポート',
    kind: 'freelance',
    initials: 'FP',
    color: '#b45309',
    catchCopy: 'PMO・PM案件に強いITフリーランスの案件紹介',
    description:
      'エンドユーザー直請けのPMO・PM案件を多く扱うフリーランス向けエージェント。週3日からの案件もあり、会社員から独立したばかりの人の相談にも応じています。',
    strengths: ['PMO・PM案件の割合が高い', '週3日から参画できる案件あり', '支払いサイトが短く入金が早い'],
    target: { experience: 'IT業界での実務経験3年以上', workingDays: '週3〜5日(リモート案件あり)', area: '首都圏・リモート' },
    facts: [
      { label: '公開案件数', value: '246件', asOf: '2026-08-01' },
      { label: 'PMO案件の平均単価', value: '月額85万円', asOf: '2026-08-01' },
    ],
    link: { slug: 'freelance-port-vc', asp: 'valuecommerce', url: 'https://freelance-port.example/lp/pmo' },
  },
  {
    slug: 'it-works-gate',
    name: 'ITワークスゲート',
    kind: 'freelance',
    initials: 'IW',
    color: '#7c3aed',
    catchCopy: 'エンジニアからPMOまで、リモート案件を幅広く紹介',
    description:
      '開発エンジニアからPMO・ITコンサルまで幅広い職種を扱うフリーランスエージェント。フルリモート案件が多く、地方在住の人でも首都圏の案件に参画しやすいのが特徴です。',
    strengths: ['フルリモート案件が多い', '福利厚生サービスが使える', '案件終了前に次の案件を提案してくれる'],
    target: { experience: '実務経験1年以上', workingDays: '週2〜5日', area: '全国(リモート中心)' },
    facts: [
      { label: '公開案件数', value: '約4,300件', asOf: '2025-03-01' },
      { label: 'リモート案件の割合', value: '約7割', asOf: '2025-03-01' },
    ],
    link: { slug: 'it-works-gate-moshimo', asp: 'moshimo', url: 'https://it-works-gate.example/signup' },
  },
  {
    slug: 'consul-links',
    name: 'コンサルリンクス',
    kind: 'consulting',
    initials: 'CL',
    color: '#be123c',
    catchCopy: '戦略・ITコンサル出身者のための高単価案件マッチング',
    description:
      'コンサルティングファーム出身者や事業会社の企画職に向けて、戦略立案・業務改革・PMOなどのプロジェクト案件を紹介するサービスです。',
    strengths: ['月額100万円を超える案件もある', 'ファーム経由の上流案件が多い', '担当者がコンサル業界出身'],
    target: { experience: 'コンサルティングまたは事業企画の経験3年以上', workingDays: '週2〜5日', area: '首都圏・リモート' },
    facts: [
      { label: '公開案件数', value: '約1,800件', asOf: '2026-07-01' },
      { label: '平均単価', value: '月額120万円', asOf: '2026-07-01' },
    ],
    link: { slug: 'consul-links-at', asp: 'accesstrade', url: 'https://consul-links.example/consultants' },
  },
  {
    slug: 'career-sprout',
    name: 'キャリアスプラウト',
    kind: 'job_change',
    initials: 'CS',
    color: '#15803d',
    catchCopy: '20代・第二新卒の「はじめての転職」を手厚くサポート',
    description:
      '社会人経験が浅い人や未経験の職種に挑戦したい人向けの転職エージェント。面接練習の回数に上限がなく、初めての転職でも段取りを一つずつ確認しながら進められます。',
    strengths: ['未経験歓迎の求人が多い', '面接練習を何度でも受けられる', 'オンライン面談が夜間・土日も可能'],
    target: { experience: '20代・第二新卒・既卒', workingDays: '正社員(週5日)', area: '全国' },
    facts: [{ label: '公開求人数', value: '約6,200件', asOf: '2026-05-01' }],
    link: { slug: 'career-sprout-direct', asp: 'direct', url: 'https://career-sprout.example/' },
  },
]

/** Links that show the link manager's states: one ended campaign, one paused. */
export const EXTRA_LINKS = [
  {
    slug: 'freelance-port-autumn-campaign',
    name: 'フリーランスポート 秋の登録キャンペーン(終了)',
    agent: 'freelance-port',
    asp: 'a8' as const,
    url: 'https://freelance-port.example/lp/campaign-autumn',
    activeFrom: '2025-09-01T00:00:00.000Z',
    activeUntil: '2025-11-30T14:59:59.000Z',
    fallbackUrl: 'https://freelance-port.example/lp/pmo',
    status: 'active' as const,
  },
  {
    slug: 'michibiki-old-afb',
    name: 'ミチビキ転職エージェント 旧afbリンク',
    agent: 'michibiki',
    asp: 'afb' as const,
    url: 'https://michibiki-agent.example/entry?src=afb-old',
    status: 'paused' as const,
  },
]
