import type { Payload } from 'payload'

import { isFactOutdated, monthsBefore } from '@/lib/facts'
import { idString } from '@/lib/ids'
import { bodyReferences } from '@/lib/bodyReferences'
import { toCsv } from '@/lib/csv'
import { daysAgo, outcomesByAgent, suppressionWarning } from '@/lib/moderationStats'
import type { AffiliateLink, Agent, Article } from '@/payload-types'

// The compliance view: every problem across the site that could put an unlabelled ad, a dead
// affiliate link or out-of-date facts in front of readers, or shows moderation that favours
// high ratings, each pointing at the place to fix it.

export type ProblemKind =
  | 'link-missing'
  | 'link-disabled'
  | 'link-expired'
  | 'link-broken'
  | 'facts-outdated'
  | 'article-stale'
  | 'disclosure-missing'
  | 'review-suppression'

export const PROBLEM_LABELS: Record<ProblemKind, string> = {
  'link-missing': 'リンクが存在しない',
  'link-disabled': 'リンクが停止中',
  'link-expired': 'リンクの掲載期間切れ',
  'link-broken': 'リンク先のページが開けない',
  'facts-outdated': 'エージェント情報が古い',
  'article-stale': '長期間更新されていない記事',
  'disclosure-missing': 'PR表記の欠落',
  'review-suppression': '低評価の口コミの非掲載が多い',
}

const SEVERITY: ProblemKind[] = [
  'disclosure-missing',
  'review-suppression',
  'link-missing',
  'link-disabled',
  'link-expired',
  'link-broken',
  'facts-outdated',
  'article-stale',
]

export type Problem = {
  kind: ProblemKind
  label: string
  collection: 'articles' | 'agents' | 'affiliate-links'
  id: string
  title: string
  detail: string
  adminPath: string
}

type Id = string | number

const adminPath = (collection: Problem['collection'], id: Id) =>
  `/admin/collections/${collection}/${id}`

async function all<T>(
  payload: Payload,
  collection: 'articles' | 'agents' | 'affiliate-links',
  where = {},
) {
  const docs: T[] = []
  for (let page = 1; ; page++) {
    const result = await payload.find({
      collection,
      where,
      depth: 0,
      limit: 200,
      page,
      overrideAccess: true,
    })
    docs.push(...(result.docs as T[]))
    if (!result.hasNextPage) return docs
  }
}

export type ComplianceSettings = { factsMaxAgeMonths: number; staleArticleMonths: number }

/** Every problem on the site now, most serious first. */
export async function findComplianceProblems(
  payload: Payload,
  now: Date = new Date(),
): Promise<Problem[]> {
  const settings = await payload.findGlobal({
    slug: 'site-settings',
    depth: 0,
    overrideAccess: true,
  })
  const factsMaxAge = settings.compliance?.factsMaxAgeMonths ?? 12
  const staleAfter = settings.compliance?.staleArticleMonths ?? 12

  const [articles, agents, links] = await Promise.all([
    all<Article>(payload, 'articles', { _status: { equals: 'published' } }),
    all<Agent>(payload, 'agents'),
    all<AffiliateLink>(payload, 'affiliate-links'),
  ])
  const linkById = new Map(links.map((l) => [String(l.id), l]))
  const linkBySlug = new Map(links.map((l) => [l.slug, l]))
  const agentById = new Map(agents.map((a) => [String(a.id), a]))
  const problems: Problem[] = []

  for (const article of articles) {
    const at = { collection: 'articles' as const, id: String(article.id), title: article.title }
    const add = (kind: ProblemKind, detail: string) =>
      problems.push({
        kind,
        label: PROBLEM_LABELS[kind],
        ...at,
        detail,
        adminPath: adminPath('articles', article.id),
      })

    const refs = bodyReferences(article.body)
    const checked = new Set<string>()
    const checkLink = (link: AffiliateLink | undefined, named: string) => {
      if (!link) return add('link-missing', `${named} が見つかりません`)
      if (checked.has(String(link.id))) return
      checked.add(String(link.id))
      if (link.status !== 'active') {
        add('link-disabled', `リンク「${link.name}」(/go/${link.slug})は停止中です`)
      } else if (link.activeUntil && new Date(link.activeUntil) <= now) {
        add(
          'link-expired',
          `リンク「${link.name}」(/go/${link.slug})の掲載期間は終了しています${link.fallbackUrl ? '(代替URLへ転送中)' : '(転送先なし)'}`,
        )
      }
    }
    for (const id of refs.links) checkLink(linkById.get(id), `リンク(ID: ${id})`)
    for (const slug of refs.goSlugs) checkLink(linkBySlug.get(slug), `/go/${slug}`)
    for (const agentId of refs.primaryLinkAgents) {
      const agent = agentById.get(agentId)
      if (!agent) add('link-missing', `紹介しているエージェント(ID: ${agentId})が見つかりません`)
      else if (!idString(agent.primaryLink)) {
        add('link-missing', `「${agent.name}」に公式サイトへのリンクが設定されていません`)
      } else checkLink(linkById.get(idString(agent.primaryLink)!), `「${agent.name}」のリンク`)
    }

    const promotes = refs.promotes || Boolean(article.tieUp)
    if (promotes && !article.promotional) {
      add('disclosure-missing', 'PRを含む記事ですが、PR表記が付いていません')
    }
    if (promotes && !settings.prDisclosureText?.trim()) {
      add('disclosure-missing', 'サイト設定のPR表記の文言が空です')
    }
    if (new Date(article.updatedAt) < monthsBefore(now, staleAfter)) {
      add('article-stale', `最終更新から${staleAfter}か月以上たっています`)
    }
  }

  // the daily health check found the merchant's page gone: readers who click land on an error
  for (const link of links) {
    if (link.status !== 'active' || !link.healthState || link.healthState === 'ok') continue
    const checked = link.health?.lastCheckedAt
      ? `(${new Date(link.health.lastCheckedAt).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })}に確認)`
      : ''
    problems.push({
      kind: 'link-broken',
      label: PROBLEM_LABELS['link-broken'],
      collection: 'affiliate-links',
      id: String(link.id),
      title: link.name,
      detail: `/go/${link.slug} の広告主のページ: ${link.health?.lastStatus ?? '開けません'}${checked}`,
      adminPath: adminPath('affiliate-links', link.id),
    })
  }

  for (const agent of agents) {
    const old = (agent.facts ?? []).filter((f) => isFactOutdated(f, factsMaxAge, now))
    if (old.length) {
      problems.push({
        kind: 'facts-outdated',
        label: PROBLEM_LABELS['facts-outdated'],
        collection: 'agents',
        id: String(agent.id),
        title: agent.name,
        detail: `${old.map((f) => f.label).join('、')}の時点が${factsMaxAge}か月より前です`,
        adminPath: adminPath('agents', agent.id),
      })
    }
  }

  // moderation that rejects low ratings more often than high ones misleads readers
  const { byAgent } = await outcomesByAgent(payload, daysAgo(REVIEW_RATES_DAYS, now))
  for (const agent of agents) {
    const outcomes = byAgent.get(String(agent.id))
    const warning = outcomes ? suppressionWarning(outcomes) : null
    if (warning) {
      problems.push({
        kind: 'review-suppression',
        label: PROBLEM_LABELS['review-suppression'],
        collection: 'agents',
        id: String(agent.id),
        title: agent.name,
        detail: `直近${REVIEW_RATES_DAYS}日: ${warning}`,
        adminPath: `/admin/review-queue?days=${REVIEW_RATES_DAYS}`,
      })
    }
  }

  return problems.sort((a, b) => SEVERITY.indexOf(a.kind) - SEVERITY.indexOf(b.kind))
}

/** The period over which the compliance view compares moderation by rating. */
export const REVIEW_RATES_DAYS = 90

const CSV_COLUMNS = [
  { key: 'label', header: '問題' },
  { key: 'title', header: '対象' },
  { key: 'detail', header: '内容' },
  { key: 'collection', header: 'コレクション' },
  { key: 'id', header: 'ID' },
  { key: 'url', header: '管理画面URL' },
] as const

/** The problems as CSV (lib/csv.ts: BOM for Excel, formulas kept as text). */
export function problemsToCsv(problems: Problem[], origin: string): string {
  return toCsv(
    problems.map((p) => ({ ...p, url: `${origin}${p.adminPath}` })),
    CSV_COLUMNS,
  )
}
