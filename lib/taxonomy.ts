// The value lists shared by the admin (select options) and the public site (labels, chips).
// Each value's Japanese label is what readers see.

export const AGENT_KINDS = {
  job_change: '転職エージェント',
  freelance: 'フリーランスエージェント',
  consulting: 'コンサル案件紹介',
  high_class: 'ハイクラス転職',
} as const

export const AGE_BANDS = {
  '20s': '20代',
  '30s': '30代',
  '40s': '40代',
  '50s_plus': '50代以上',
  no_answer: '回答しない',
} as const

export const GENDERS = {
  male: '男性',
  female: '女性',
  other: 'その他',
  no_answer: '回答しない',
} as const

export const INDUSTRIES = {
  it: 'IT・通信',
  media: 'IT・メディア',
  consulting: 'コンサルティング',
  finance: '金融',
  manufacturing: 'メーカー',
  retail: '小売・サービス',
  other: 'その他',
  no_answer: '回答しない',
} as const

export const EXPERIENCE_YEARS = {
  lt1: '実務経験1年未満',
  '1_3': '実務経験1~3年',
  '3_5': '実務経験3~5年',
  '5_10': '実務経験5~10年',
  '10_plus': '実務経験10年以上',
  no_answer: '回答しない',
} as const

/** 利用結果: how far the reader went with the agent */
export const USAGE = {
  registered: '登録のみ',
  interviewed: '面談まで',
  offered: '内定・参画',
  joined: '転職・参画した',
} as const

/** The four sub-ratings a reader may give besides the overall one (each optional). */
export const SUB_RATINGS = {
  offers: '求人・案件の質',
  consultant: '担当者の対応',
  proposal: '提案力',
  support: 'サポート体制',
} as const

export const REVIEW_STATUS = {
  pending: '承認待ち',
  approved: '承認済み',
  rejected: '却下',
  // set only by the reader who posted it, from 「投稿した口コミ」 (lib/readerReviews.ts)
  withdrawn: '取り下げ(投稿者)',
} as const

/** Why a review is not published: the fixed list moderators choose from. */
export const REJECTION_REASONS = {
  guidelines: 'ガイドライン違反',
  personal_info: '個人情報',
  spam: '宣伝・スパム',
  not_firsthand: '実体験でない',
  defamation: '誹謗中傷',
  other: 'その他',
} as const

/** Why a reader reports a published review (「通報」). */
export const REPORT_REASONS = {
  personal_info: '個人情報が書かれている',
  defamation: '誹謗中傷・攻撃的な内容',
  spam: '宣伝・スパム',
  not_firsthand: '実際の体験ではないと思われる',
  wrong_agent: '別のエージェントについての口コミ',
  other: 'その他',
} as const

/** What became of a report: waiting, the review kept, or the review taken down. */
export const REPORT_STATUS = {
  open: '未対応',
  dismissed: '掲載を継続',
  upheld: '口コミを却下',
} as const

/** Who a reply under a review is from (entered by an editor either way). */
export const REPLY_AUTHORS = {
  editorial: '編集部より',
  agent: 'エージェントからの公式回答',
} as const

export const REVIEW_SOURCES = {
  form: '読者の投稿フォーム',
  editor: '編集部が入力',
} as const

export const ASPS = {
  a8: 'A8.net',
  afb: 'afb',
  valuecommerce: 'ValueCommerce',
  moshimo: 'もしもアフィリエイト',
  accesstrade: 'アクセストレード',
  direct: '直接契約',
  other: 'その他',
} as const

export const LINK_STATUS = {
  active: '有効',
  paused: '停止中',
  archived: 'アーカイブ',
} as const

export const LINK_HEALTH = {
  ok: '正常',
  broken: 'リンク切れ',
  error: '確認できず',
} as const

export const ASP_RESULT_STATUS = {
  pending: '発生',
  confirmed: '確定',
  rejected: '否認',
} as const

/** Select options for Payload from one of the maps above. */
export const toOptions = <T extends Record<string, string>>(map: T) =>
  (Object.keys(map) as (keyof T & string)[]).map((value) => ({ value, label: map[value] }))
