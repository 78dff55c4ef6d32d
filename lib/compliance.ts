import type { Payload, Where } from 'payload'

import { bodyReferences } from '@/lib/bodyReferences'
import { toCsv } from '@/lib/csv'
import { isFactOutdated, monthsBefore } from '@/lib/facts'
import { idString } from '@/lib/ids'
import { daysAgo, outcomesByAgent, suppressionWarning } from '@/lib/moderationStats'
import { pageRows } from '@/lib/pageRows'
import type { AffiliateLink, Agent, Article } from '@/payload-types'

// The compliance view: every problem across the site that could put an unlabelled ad, a dead
// affiliate link or out-of-date facts in front of readers, or shows moderation that favours
// high ratings, each pointing at the place to fix it.
//
// Each kind of problem is one query that returns only the problems, on fields the saves keep
// for it (articles.checks, dependsOn, promotional; links' health; agents' facts), so its count
// and any page of it cost the same at any size of archive: nothing here reads every article.
// A page's details come from the few documents on that page.

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

/** The kinds, most serious first: the order of the view, the dashboard and the CSV. */
export const PROBLEM_KINDS: ProblemKind[] = [
  'disclosure-missing',
  'review-suppression',
  'link-missing',
  'link-disabled',
  'link-expired',
  'link-broken',
  'facts-outdated',
  'article-stale',
]

export const isProblemKind = (value: unknown): value is ProblemKind =>
  typeof value === 'string' && (PROBLEM_KINDS as string[]).includes(value)

export type Problem = {
  kind: ProblemKind
  label: string
  collection: 'articles' | 'agents' | 'affiliate-links' | 'site-settings'
  id: string
  title: string
  detail: string
  adminPath: string
}

type Id = string | number

const adminPath = (collection: 'articles' | 'agents' | 'affiliate-links', id: Id) =>
  `/admin/collections/${collection}/${id}`

/** The period over which the compliance view compares moderation by rating. */
export const REVIEW_RATES_DAYS = 90

/**
 * At most this many paused or expired links, and agents without a usable link of their own, are
 * looked for on pages (the view says so when there are more): the articles showing them are
 * found by an indexed `in` over these ids.
 */
export const PROBLEM_LINKS_CAP = 500

type LinkRow = Pick<
  AffiliateLink,
  'id' | 'name' | 'slug' | 'status' | 'activeUntil' | 'fallbackUrl'
>
type AgentRow = Pick<Agent, 'id' | 'name' | 'primaryLink'>

/** What every query of one look at the site shares: the settings and the few problem links. */
export type ComplianceContext = {
  payload: Payload
  now: Date
  factsMaxAge: number
  staleAfter: number
  disclosureText: string
  disabled: Map<string, LinkRow>
  expired: Map<string, LinkRow>
  /** agents whose own link is paused or expired, by the kind of problem */
  agentsVia: { disabled: Map<string, AgentRow>; expired: Map<string, AgentRow> }
  /** agents with no link of their own: their cards send readers nowhere */
  agentsWithoutLink: Map<string, AgentRow>
  /** more problem links or agents exist than PROBLEM_LINKS_CAP */
  capped: boolean
}

const sys = { depth: 0, overrideAccess: true } as const

export async function complianceContext(
  payload: Payload,
  now: Date = new Date(),
): Promise<ComplianceContext> {
  const settings = await payload.findGlobal({ slug: 'site-settings', ...sys })
  const linkSelect = {
    name: true,
    slug: true,
    status: true,
    activeUntil: true,
    fallbackUrl: true,
  } as const
  const [disabled, expired, withoutLink] = await Promise.all([
    payload.find({
      collection: 'affiliate-links',
      where: { status: { not_equals: 'active' } },
      select: linkSelect,
      limit: PROBLEM_LINKS_CAP,
      sort: 'id',
      ...sys,
    }),
    payload.find({
      collection: 'affiliate-links',
      where: {
        and: [{ status: { equals: 'active' } }, { activeUntil: { less_than_equal: now } }],
      },
      select: linkSelect,
      limit: PROBLEM_LINKS_CAP,
      sort: 'id',
      ...sys,
    }),
    payload.find({
      collection: 'agents',
      where: { primaryLink: { exists: false } },
      select: { name: true, primaryLink: true },
      limit: PROBLEM_LINKS_CAP,
      sort: 'id',
      ...sys,
    }),
  ])
  const byId = <T extends { id: Id }>(docs: T[]) => new Map(docs.map((d) => [String(d.id), d]))
  const agentsUsing = async (links: Map<string, LinkRow>) =>
    links.size
      ? (
          await payload.find({
            collection: 'agents',
            where: { primaryLink: { in: [...links.values()].map((l) => l.id) } },
            select: { name: true, primaryLink: true },
            limit: PROBLEM_LINKS_CAP,
            sort: 'id',
            ...sys,
          })
        ).docs
      : []
  const context = {
    payload,
    now,
    factsMaxAge: settings.compliance?.factsMaxAgeMonths ?? 12,
    staleAfter: settings.compliance?.staleArticleMonths ?? 12,
    disclosureText: settings.prDisclosureText?.trim() ?? '',
    disabled: byId(disabled.docs as LinkRow[]),
    expired: byId(expired.docs as LinkRow[]),
    agentsWithoutLink: byId(withoutLink.docs as AgentRow[]),
  }
  const [viaDisabled, viaExpired] = await Promise.all([
    agentsUsing(context.disabled),
    agentsUsing(context.expired),
  ])
  return {
    ...context,
    agentsVia: {
      disabled: byId(viaDisabled as AgentRow[]),
      expired: byId(viaExpired as AgentRow[]),
    },
    capped: [disabled, expired, withoutLink].some((r) => r.hasNextPage),
  }
}

/** One kind of problem: how many there are, and one page of them. */
type Finder = {
  count(ctx: ComplianceContext): Promise<number>
  page(ctx: ComplianceContext, page: number, limit: number): Promise<Problem[]>
  /**
   * For kinds that can run to most of the archive (articles): the next `limit` problems after
   * the row `after` (null: from the start), in id order. A keyset walk reads only the rows it
   * returns, where page n by offset skips n pages first (the CSV of 87,710 stale articles).
   */
  walk?(ctx: ComplianceContext, after: Id | null, limit: number): Promise<Walked>
}

type Walked = { problems: Problem[]; last: Id | null }

const PUBLISHED: Where = { _status: { equals: 'published' } }

type ArticleRow = Pick<Article, 'id' | 'title' | 'updatedAt' | 'dependsOn' | 'checks' | 'body'>

/** A finder over published articles: the where that selects them and the detail of each. */
function articleFinder(
  kind: ProblemKind,
  spec: {
    where: (ctx: ComplianceContext) => Where | null
    sort: string
    select: Record<string, true>
    details: (ctx: ComplianceContext, docs: ArticleRow[]) => Promise<Map<string, string>>
  },
): Finder {
  const whereOf = (ctx: ComplianceContext) => {
    const where = spec.where(ctx)
    return where && { and: [PUBLISHED, where] }
  }
  const select = { title: true, ...spec.select } as const
  const problemsOf = async (ctx: ComplianceContext, rows: ArticleRow[]): Promise<Problem[]> => {
    const details = await spec.details(ctx, rows)
    return rows.map((doc) => ({
      kind,
      label: PROBLEM_LABELS[kind],
      collection: 'articles' as const,
      id: String(doc.id),
      title: doc.title,
      detail: details.get(String(doc.id)) ?? '',
      adminPath: adminPath('articles', doc.id),
    }))
  }
  return {
    async count(ctx) {
      const where = whereOf(ctx)
      if (!where) return 0
      return (await ctx.payload.count({ collection: 'articles', where, overrideAccess: true }))
        .totalDocs
    },
    async page(ctx, page, limit) {
      const where = whereOf(ctx)
      if (!where) return []
      const rows = (await pageRows(ctx.payload, {
        collection: 'articles',
        where,
        sort: spec.sort,
        page,
        limit,
        select,
        draft: false,
        ...sys,
      })) as ArticleRow[]
      return problemsOf(ctx, rows)
    },
    async walk(ctx, after, limit) {
      const where = whereOf(ctx)
      if (!where) return { problems: [], last: null }
      const { docs } = await ctx.payload.find({
        collection: 'articles',
        where: after === null ? where : { and: [where, { id: { greater_than: after } }] },
        sort: 'id',
        limit,
        pagination: false,
        select,
        draft: false,
        ...sys,
      })
      const rows = docs as ArticleRow[]
      const last = rows.length < limit ? null : (rows.at(-1)?.id ?? null)
      return { problems: await problemsOf(ctx, rows), last }
    },
  }
}

const ids = (refs: unknown[] | null | undefined) =>
  (refs ?? []).map((ref) => idString(ref as Id)).filter((id): id is string => Boolean(id))

const anyOf = (conditions: (Where | null)[]): Where | null => {
  const kept = conditions.filter((c): c is Where => c !== null)
  return kept.length ? { or: kept } : null
}

const inIds = (path: string, map: Map<string, unknown>): Where | null =>
  map.size ? { [path]: { in: [...map.keys()] } } : null

const linkName = (link: LinkRow) => `リンク「${link.name}」(/go/${link.slug})`

/** Pages showing a paused or an expired link: by the link itself, or an agent's own link. */
function linkStateFinder(kind: 'link-disabled' | 'link-expired'): Finder {
  const links = (ctx: ComplianceContext) => (kind === 'link-disabled' ? ctx.disabled : ctx.expired)
  const agents = (ctx: ComplianceContext) =>
    kind === 'link-disabled' ? ctx.agentsVia.disabled : ctx.agentsVia.expired
  const say = (link: LinkRow) =>
    kind === 'link-disabled'
      ? `${linkName(link)}は停止中です`
      : `${linkName(link)}の掲載期間は終了しています${link.fallbackUrl ? '(代替URLへ転送中)' : '(転送先なし)'}`
  return articleFinder(kind, {
    where: (ctx) =>
      anyOf([inIds('dependsOn.links', links(ctx)), inIds('checks.primaryLinkAgents', agents(ctx))]),
    sort: '-publishedAt',
    select: { dependsOn: true, checks: true },
    async details(ctx, docs) {
      return new Map(
        docs.map((doc) => {
          const shown = new Map<string, LinkRow>()
          for (const id of ids(doc.dependsOn?.links)) {
            const link = links(ctx).get(id)
            if (link) shown.set(id, link)
          }
          for (const id of ids(doc.checks?.primaryLinkAgents)) {
            const linkId = idString(agents(ctx).get(id)?.primaryLink as Id)
            const link = linkId ? links(ctx).get(linkId) : undefined
            if (link) shown.set(linkId!, link)
          }
          return [String(doc.id), [...shown.values()].map(say).join('、')]
        }),
      )
    },
  })
}

/**
 * What a page's body names that does not exist: links by id or /go/ slug, and agents whose
 * card sends readers to their own link, or who have none. Read for one page of articles.
 */
async function missingDetails(ctx: ComplianceContext, docs: ArticleRow[]) {
  const refs = new Map(docs.map((doc) => [String(doc.id), bodyReferences(doc.body)]))
  const all = [...refs.values()]
  const linkIds = [...new Set(all.flatMap((r) => r.links))]
  const slugs = [...new Set(all.flatMap((r) => r.goSlugs))]
  const agentIds = [...new Set(all.flatMap((r) => r.primaryLinkAgents))]
  const found = async (collection: 'affiliate-links' | 'agents', where: Where, limit: number) =>
    limit
      ? (
          await ctx.payload.find({
            collection,
            where,
            select: collection === 'agents' ? { name: true, primaryLink: true } : { slug: true },
            limit,
            pagination: false,
            ...sys,
          })
        ).docs
      : []
  const [byId, bySlug, agents] = await Promise.all([
    found('affiliate-links', { id: { in: linkIds } }, linkIds.length),
    found('affiliate-links', { slug: { in: slugs } }, slugs.length),
    found('agents', { id: { in: agentIds } }, agentIds.length),
  ])
  const linkExists = new Set(byId.map((l) => String(l.id)))
  const slugExists = new Set(bySlug.map((l) => (l as Pick<AffiliateLink, 'slug'>).slug))
  const agentById = new Map((agents as AgentRow[]).map((a) => [String(a.id), a]))
  return new Map(
    docs.map((doc) => {
      const r = refs.get(String(doc.id))!
      const lines = [
        ...r.links
          .filter((id) => !linkExists.has(id))
          .map((id) => `リンク(ID: ${id})が見つかりません`),
        ...r.goSlugs.filter((s) => !slugExists.has(s)).map((s) => `/go/${s} が見つかりません`),
        ...r.primaryLinkAgents.flatMap((id) => {
          const agent = agentById.get(id)
          if (!agent) return [`紹介しているエージェント(ID: ${id})が見つかりません`]
          return idString(agent.primaryLink as Id)
            ? []
            : [`「${agent.name}」に公式サイトへのリンクが設定されていません`]
        }),
      ]
      return [String(doc.id), lines.join('、')]
    }),
  )
}

const FINDERS: Record<ProblemKind, Finder> = {
  'disclosure-missing': disclosureFinder(),
  'review-suppression': suppressionFinder(),
  'link-missing': articleFinder('link-missing', {
    where: (ctx) =>
      anyOf([
        { 'checks.missingReferences': { greater_than: 0 } },
        inIds('checks.primaryLinkAgents', ctx.agentsWithoutLink),
      ]),
    sort: '-publishedAt',
    select: { body: true },
    details: missingDetails,
  }),
  'link-disabled': linkStateFinder('link-disabled'),
  'link-expired': linkStateFinder('link-expired'),
  'link-broken': {
    async count(ctx) {
      return (
        await ctx.payload.count({
          collection: 'affiliate-links',
          where: BROKEN,
          overrideAccess: true,
        })
      ).totalDocs
    },
    async page(ctx, page, limit) {
      const docs = await pageRows(ctx.payload, {
        collection: 'affiliate-links',
        where: BROKEN,
        sort: 'name',
        page,
        limit,
        select: { name: true, slug: true, health: true },
        ...sys,
      })
      return (docs as AffiliateLink[]).map((link) => {
        // the daily health check found the merchant's page gone: readers who click land on an error
        const checked = link.health?.lastCheckedAt
          ? `(${new Date(link.health.lastCheckedAt).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })}に確認)`
          : ''
        return {
          kind: 'link-broken' as const,
          label: PROBLEM_LABELS['link-broken'],
          collection: 'affiliate-links' as const,
          id: String(link.id),
          title: link.name,
          detail: `/go/${link.slug} の広告主のページ: ${link.health?.lastStatus ?? '開けません'}${checked}`,
          adminPath: adminPath('affiliate-links', link.id),
        }
      })
    },
  },
  'facts-outdated': {
    async count(ctx) {
      return (
        await ctx.payload.count({
          collection: 'agents',
          where: outdated(ctx),
          overrideAccess: true,
        })
      ).totalDocs
    },
    async page(ctx, page, limit) {
      const docs = await pageRows(ctx.payload, {
        collection: 'agents',
        where: outdated(ctx),
        sort: 'name',
        page,
        limit,
        select: { name: true, facts: true },
        ...sys,
      })
      return (docs as Agent[]).map((agent) => {
        const old = (agent.facts ?? []).filter((f) => isFactOutdated(f, ctx.factsMaxAge, ctx.now))
        return {
          kind: 'facts-outdated' as const,
          label: PROBLEM_LABELS['facts-outdated'],
          collection: 'agents' as const,
          id: String(agent.id),
          title: agent.name,
          detail: `${old.map((f) => f.label).join('、')}の時点が${ctx.factsMaxAge}か月より前です`,
          adminPath: adminPath('agents', agent.id),
        }
      })
    },
  },
  'article-stale': articleFinder('article-stale', {
    where: (ctx) => ({ updatedAt: { less_than: monthsBefore(ctx.now, ctx.staleAfter) } }),
    sort: 'updatedAt',
    select: {},
    async details(ctx, docs) {
      return new Map(
        docs.map((doc) => [String(doc.id), `最終更新から${ctx.staleAfter}か月以上たっています`]),
      )
    },
  }),
}

const BROKEN: Where = {
  and: [
    { status: { equals: 'active' } },
    { healthState: { exists: true } },
    { healthState: { not_equals: 'ok' } },
  ],
}

const outdated = (ctx: ComplianceContext): Where => ({
  'facts.asOf': { less_than: monthsBefore(ctx.now, ctx.factsMaxAge) },
})

/**
 * A page that promotes without its PR label: what computePromotional derives the label from
 * (the body's cards, tables and links, or a tie-up), kept as checks.promotes, and `promotional`
 * not set. The saves
 * never allow it; a database written by another tool can. First, once: the site's PR text is
 * empty, so no label says anything.
 */
function disclosureFinder(): Finder {
  const unlabelled = articleFinder('disclosure-missing', {
    where: (): Where => ({
      and: [{ 'checks.promotes': { equals: true } }, { promotional: { not_equals: true } }],
    }),
    sort: '-publishedAt',
    select: {},
    async details(_ctx, docs) {
      return new Map(
        docs.map((doc) => [String(doc.id), 'PRを含む記事ですが、PR表記が付いていません']),
      )
    },
  })
  const emptyText = async (ctx: ComplianceContext) => {
    if (ctx.disclosureText) return 0
    const { totalDocs } = await ctx.payload.count({
      collection: 'articles',
      where: { and: [PUBLISHED, { promotional: { equals: true } }] },
      overrideAccess: true,
    })
    return totalDocs
  }
  return {
    async count(ctx) {
      return (await unlabelled.count(ctx)) + ((await emptyText(ctx)) ? 1 : 0)
    },
    // page 1 starts with the settings' row when there is one, before that page's articles
    async page(ctx, page, limit) {
      const articles = await unlabelled.page(ctx, page, limit)
      const row = page === 1 ? await settingsRow(ctx) : null
      return row ? [row, ...articles] : articles
    },
    async walk(ctx, after, limit) {
      const walked = await unlabelled.walk!(ctx, after, limit)
      const row = after === null ? await settingsRow(ctx) : null
      return row ? { ...walked, problems: [row, ...walked.problems] } : walked
    },
  }
  async function settingsRow(ctx: ComplianceContext): Promise<Problem | null> {
    const promotional = await emptyText(ctx)
    if (!promotional) return null
    return {
      kind: 'disclosure-missing',
      label: PROBLEM_LABELS['disclosure-missing'],
      collection: 'site-settings',
      id: 'site-settings',
      title: 'サイト設定',
      detail: `サイト設定のPR表記の文言が空です(PR表記の記事${promotional.toLocaleString('ja-JP')}件に文言が出ません)`,
      adminPath: '/admin/globals/site-settings',
    }
  }
}

/** Agents whose moderation rejects low ratings markedly more often than high ones. */
function suppressionFinder(): Finder {
  // grouped counts by agent and rating (lib/moderationStats): one row per agent and rating
  const warnings = async (ctx: ComplianceContext) => {
    const { byAgent } = await outcomesByAgent(ctx.payload, daysAgo(REVIEW_RATES_DAYS, ctx.now))
    const found: { id: string; warning: string }[] = []
    for (const [id, outcomes] of byAgent) {
      const warning = suppressionWarning(outcomes)
      if (warning) found.push({ id, warning })
    }
    return found.sort((a, b) => a.id.localeCompare(b.id))
  }
  return {
    async count(ctx) {
      return (await warnings(ctx)).length
    },
    async page(ctx, page, limit) {
      const slice = (await warnings(ctx)).slice((page - 1) * limit, page * limit)
      if (!slice.length) return []
      const { docs } = await ctx.payload.find({
        collection: 'agents',
        where: { id: { in: slice.map((w) => w.id) } },
        select: { name: true },
        limit: slice.length,
        pagination: false,
        ...sys,
      })
      const names = new Map(docs.map((a) => [String(a.id), (a as Agent).name]))
      return slice.map(({ id, warning }) => ({
        kind: 'review-suppression' as const,
        label: PROBLEM_LABELS['review-suppression'],
        collection: 'agents' as const,
        id,
        title: names.get(id) ?? `ID: ${id}`,
        detail: `直近${REVIEW_RATES_DAYS}日: ${warning}`,
        adminPath: `/admin/review-queue?days=${REVIEW_RATES_DAYS}`,
      }))
    },
  }
}

/** How many problems of each kind there are now, in PROBLEM_KINDS order. */
export async function countProblems(ctx: ComplianceContext): Promise<Record<ProblemKind, number>> {
  const counts = await Promise.all(PROBLEM_KINDS.map((kind) => FINDERS[kind].count(ctx)))
  return Object.fromEntries(PROBLEM_KINDS.map((kind, i) => [kind, counts[i]])) as Record<
    ProblemKind,
    number
  >
}

/** Page `page` (from 1) of one kind's problems, `limit` a page. */
export function problemsPage(
  ctx: ComplianceContext,
  kind: ProblemKind,
  page: number,
  limit: number,
): Promise<Problem[]> {
  return FINDERS[kind].page(ctx, page, limit)
}

/** The first `limit` problems, most serious kinds first (the dashboard's panel). */
export async function firstProblems(
  ctx: ComplianceContext,
  counts: Record<ProblemKind, number>,
  limit: number,
): Promise<Problem[]> {
  const found: Problem[] = []
  for (const kind of PROBLEM_KINDS) {
    if (found.length >= limit) break
    if (counts[kind]) found.push(...(await FINDERS[kind].page(ctx, 1, limit - found.length)))
  }
  return found.slice(0, limit)
}

/** Pages read at a time when every problem is walked (the CSV). */
export const WALK_PAGE = 100

/**
 * Every problem, most serious kinds first, a page at a time: for the CSV, which writes each page
 * as it comes, so the whole list is never held.
 */
export async function* eachProblem(
  ctx: ComplianceContext,
  pageSize = WALK_PAGE,
): AsyncGenerator<Problem[]> {
  for (const kind of PROBLEM_KINDS) {
    const finder = FINDERS[kind]
    if (finder.walk) {
      for (let after: Id | null = null; ;) {
        const { problems, last } = await finder.walk(ctx, after, pageSize)
        if (problems.length) yield problems
        if (last === null) break
        after = last
      }
      continue
    }
    // the other kinds are bounded by the agents and links there are (sorted by name)
    for (let page = 1; ; page++) {
      const rows = await finder.page(ctx, page, pageSize)
      if (rows.length) yield rows
      if (rows.length < pageSize) break
    }
  }
}

const CSV_COLUMNS = [
  { key: 'label', header: '問題' },
  { key: 'title', header: '対象' },
  { key: 'detail', header: '内容' },
  { key: 'collection', header: 'コレクション' },
  { key: 'id', header: 'ID' },
  { key: 'url', header: '管理画面URL' },
] as const

/** Problems as CSV rows (lib/csv.ts: formulas kept as text); the header and BOM when `first`. */
export function problemsToCsv(problems: Problem[], origin: string, first = true): string {
  return toCsv(
    problems.map((p) => ({ ...p, url: `${origin}${p.adminPath}` })),
    CSV_COLUMNS,
    { header: first },
  )
}
