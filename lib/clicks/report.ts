import type { Payload } from 'payload'

import { eachPage } from '@/lib/pageRows'
import { PublicError } from '@/lib/publicError'
import { ASPS } from '@/lib/taxonomy'

import { dayInJapan } from './classify'
import { sumRollups, type RollupSum } from './clickStore'
import { SLOTS, UNKNOWN_PLACEMENT } from './placement'

// The click report: clicks and unique clicks from the daily rollups (never a scan of the raw
// clicks), by day, link, page and slot, ASP and agent, for a range of Japan days and the
// period of the same length before it, with the ASP results of the same days beside them:
// conversions, approval rate, confirmed reward and EPC (confirmed reward per click).
//
// EPC is the confirmed reward of the results joined to the clicks the view counts, over those
// clicks: with bots left out (the default), a result whose sub-ID names a bot's click is not in
// a row's figures but in its own line (`bot`), and a result whose sub-ID names no click is
// never in a row's figures (no click earned it) but in the report's `unmatched` line. Neither
// is folded in silently.

export type Range = { fromDay: string; toDay: string; bots: boolean }

export type Results = {
  conversions: number
  confirmed: number
  rejected: number
  reward: number
  pendingReward: number
}
export type Row = {
  key: string
  label: string
  /** the page a row names, on the site (an article's or an agent's) */
  href?: string
  detail?: string
  clicks: number
  uniques: number
} & Results

/** Results kept out of the rows' figures: how many, and their confirmed reward. */
export type SetAside = { conversions: number; reward: number }

export type ClickReport = {
  range: Range
  previous: Range
  total: Row
  /** results joined to bots' clicks, when the view leaves bots out */
  bot: SetAside
  /** results whose sub-ID names no click */
  unmatched: SetAside
  /** the clicks the view leaves out as bots' (null when bots are counted) */
  botClicks: number | null
  previousTotal: Row
  byDay: Row[]
  byLink: Row[]
  byPage: Row[]
  byAsp: Row[]
  byAgent: Row[]
}

const DAY = 86_400_000
const emptyResults = (): Results => ({
  conversions: 0,
  confirmed: 0,
  rejected: 0,
  reward: 0,
  pendingReward: 0,
})
export const epc = (row: Pick<Row, 'reward' | 'clicks'>) =>
  row.clicks ? row.reward / row.clicks : null
export const approvalRate = (row: Pick<Row, 'confirmed' | 'rejected'>) =>
  row.confirmed + row.rejected ? row.confirmed / (row.confirmed + row.rejected) : null

/** The range of the same length just before this one. */
export function previousRange(range: Range): Range {
  const from = Date.parse(`${range.fromDay}T00:00:00Z`)
  const days = Math.round((Date.parse(`${range.toDay}T00:00:00Z`) - from) / DAY) + 1
  const day = (t: number) => new Date(t).toISOString().slice(0, 10)
  return { ...range, fromDay: day(from - days * DAY), toDay: day(from - DAY) }
}

export const id = (value: unknown) =>
  value && typeof value === 'object' ? String((value as { id: unknown }).id) : String(value ?? '')

/** Whose click an ASP result was joined to (older results without the field: by their link). */
export type Joined = 'human' | 'bot' | 'none'

/** ASP results of one day, link, page, slot, status and kind of click: number and reward. */
export type ResultRow = {
  matched: Joined
  link?: unknown
  placement?: string | null
  slot?: string | null
  status: string
  reward: number
  occurredOn: string
  count: number
}

/**
 * A report reads at most this many ASP results for one period; a longer one is refused with a
 * message (split the period) rather than holding the process.
 */
export const MAX_RESULTS_PER_REPORT = 200_000

/**
 * The ASP results of a range, summed by day, link, page, slot and status as they are read a
 * page at a time: what the report groups, without holding every result.
 */
export async function resultsIn(payload: Payload, range: Range): Promise<ResultRow[]> {
  const sums = new Map<string, ResultRow>()
  await eachPage(
    payload,
    {
      collection: 'asp-results',
      where: {
        and: [
          { occurredOn: { greater_than_equal: range.fromDay } },
          { occurredOn: { less_than_equal: range.toDay } },
        ],
      },
      select: {
        link: true,
        placement: true,
        slot: true,
        status: true,
        reward: true,
        occurredOn: true,
        matchedClick: true,
      },
      sort: 'id',
      depth: 0,
      overrideAccess: true,
    },
    (docs) => {
      for (const doc of docs) {
        const matched: Joined = doc.matchedClick ?? (doc.link ? 'human' : 'none')
        const key = [
          doc.occurredOn,
          id(doc.link),
          doc.placement,
          doc.slot,
          doc.status,
          matched,
        ].join('|')
        const sum = sums.get(key)
        if (sum) {
          sum.count += 1
          sum.reward += doc.reward ?? 0
        } else {
          sums.set(key, {
            matched,
            link: doc.link,
            placement: doc.placement,
            slot: doc.slot,
            status: doc.status,
            reward: doc.reward ?? 0,
            occurredOn: doc.occurredOn,
            count: 1,
          })
        }
      }
    },
    {
      maxRows: MAX_RESULTS_PER_REPORT,
      tooMany: () =>
        new PublicError(
          `この期間の成果が${MAX_RESULTS_PER_REPORT.toLocaleString('ja-JP')}件を超えるため集計できません。期間を短くしてください。`,
          413,
        ),
    },
  )
  return [...sums.values()]
}

/** The results a view counts in its rows: joined to a reader's click, or a bot's when bots count. */
const counted = (result: ResultRow, bots: boolean) =>
  result.matched === 'human' || (bots && result.matched === 'bot')

function setAside(results: ResultRow[], matched: Joined): SetAside {
  const out = { conversions: 0, reward: 0 }
  for (const r of results.filter((r) => r.matched === matched)) {
    out.conversions += r.count
    if (r.status === 'confirmed') out.reward += r.reward
  }
  return out
}

function addResult(target: Results, result: ResultRow) {
  target.conversions += result.count
  if (result.status === 'confirmed') {
    target.confirmed += result.count
    target.reward += result.reward
  } else if (result.status === 'rejected') target.rejected += result.count
  else target.pendingReward += result.reward
}

function group(
  sums: RollupSum[],
  results: ResultRow[],
  keyOfSum: (s: RollupSum) => string,
  keyOfResult: (r: ResultRow) => string,
  label: (key: string) => { label: string; detail?: string },
): Row[] {
  const rows = new Map<string, Row>()
  const row = (key: string) =>
    rows.get(key) ??
    rows.set(key, { key, ...label(key), clicks: 0, uniques: 0, ...emptyResults() }).get(key)!
  for (const sum of sums) {
    const r = row(keyOfSum(sum))
    r.clicks += sum.clicks
    r.uniques += sum.uniques
  }
  for (const result of results) addResult(row(keyOfResult(result)), result)
  return [...rows.values()].sort((a, b) => b.clicks - a.clicks || b.reward - a.reward)
}

function total(rows: Row[], key: string): Row {
  const t: Row = { key, label: '合計', clicks: 0, uniques: 0, ...emptyResults() }
  for (const r of rows) {
    t.clicks += r.clicks
    t.uniques += r.uniques
    t.conversions += r.conversions
    t.confirmed += r.confirmed
    t.rejected += r.rejected
    t.reward += r.reward
    t.pendingReward += r.pendingReward
  }
  return t
}

/** Rows of each table the report view shows (the rest are in the CSV). */
export const SHOWN_ROWS = 100

/**
 * The pages of the rows a table shows by their names, linked: an article's title for its slug,
 * an agent's name for `agent-<slug>` (one read of each for the shown rows, never every page).
 */
async function namePages(payload: Payload, rows: Row[]) {
  const shown = rows.slice(0, SHOWN_ROWS)
  const placementOf = (row: Row) => row.key.split('|')[0]!
  const agentSlugs = new Set<string>()
  const articleSlugs = new Set<string>()
  for (const row of shown) {
    const placement = placementOf(row)
    if (placement === UNKNOWN_PLACEMENT) continue
    if (placement.startsWith('agent-')) agentSlugs.add(placement.slice(6))
    else articleSlugs.add(placement)
  }
  const read = async (collection: 'articles' | 'agents', slugs: Set<string>, field: string) =>
    slugs.size
      ? (
          await payload.find({
            collection,
            where: { slug: { in: [...slugs] } },
            select: { slug: true, [field]: true },
            limit: slugs.size,
            pagination: false,
            depth: 0,
            overrideAccess: true,
          })
        ).docs.map(
          (doc) =>
            [doc.slug as string, (doc as unknown as Record<string, unknown>)[field]] as const,
        )
      : []
  const titles = new Map(await read('articles', articleSlugs, 'title'))
  const names = new Map(await read('agents', agentSlugs, 'name'))
  for (const row of shown) {
    const placement = placementOf(row)
    if (placement.startsWith('agent-') && names.has(placement.slice(6))) {
      row.label = `エージェントページ: ${names.get(placement.slice(6))}`
      row.href = `/agents/${placement.slice(6)}`
    } else if (titles.has(placement)) {
      row.label = `記事: ${titles.get(placement)}`
      row.href = `/articles/${placement}`
    }
  }
}

export const slotLabel = (slot: string | null | undefined) =>
  slot && Object.hasOwn(SLOTS, slot) ? SLOTS[slot as keyof typeof SLOTS] : '不明'

export async function clickReport(payload: Payload, range: Range): Promise<ClickReport> {
  const previous = previousRange(range)
  const [
    byDaySums,
    byLinkSums,
    byPageSums,
    previousSums,
    allResults,
    allPreviousResults,
    withBots,
  ] = await Promise.all([
    sumRollups(payload, range, 'day'),
    sumRollups(payload, range, 'link'),
    sumRollups(payload, range, 'page'),
    sumRollups(payload, previous, 'link'),
    resultsIn(payload, range),
    resultsIn(payload, previous),
    range.bots ? null : sumRollups(payload, { ...range, bots: true }, 'link'),
  ])
  const results = allResults.filter((r) => counted(r, range.bots))
  const previousResults = allPreviousResults.filter((r) => counted(r, range.bots))
  const linkIds = [
    ...new Set([...byLinkSums.map((s) => id(s.link)), ...results.map((r) => id(r.link))]),
  ].filter((v) => v && v !== 'null')
  const { docs: links } = linkIds.length
    ? await payload.find({
        collection: 'affiliate-links',
        where: { id: { in: linkIds } },
        select: { name: true, slug: true, asp: true, agent: true },
        limit: linkIds.length,
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
    : { docs: [] }
  const linkById = new Map(links.map((l) => [String(l.id), l]))
  const agentIds = [...new Set(links.map((l) => id(l.agent)))]
  const { docs: agents } = agentIds.length
    ? await payload.find({
        collection: 'agents',
        where: { id: { in: agentIds } },
        select: { name: true },
        limit: agentIds.length,
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
    : { docs: [] }
  const agentName = new Map(agents.map((a) => [String(a.id), a.name]))
  const linkOf = (key: string) => linkById.get(key)
  const linkKey = (value: unknown) => (value ? id(value) : '(不明)')

  const byDay = group(
    byDaySums,
    results,
    (s) => s.day ?? '',
    (r) => r.occurredOn,
    (day) => ({ label: day }),
  )
  const byLink = group(
    byLinkSums,
    results,
    (s) => linkKey(s.link),
    (r) => linkKey(r.link),
    (key) => {
      const link = linkOf(key)
      return link
        ? { label: link.name, detail: `/go/${link.slug}` }
        : { label: '(リンク不明の成果)' }
    },
  )
  const pageKey = (placement: string | null | undefined, slot: string | null | undefined) =>
    `${placement || UNKNOWN_PLACEMENT}|${slot || UNKNOWN_PLACEMENT}`
  const byPage = group(
    byPageSums,
    results,
    (s) => pageKey(s.placement, s.slot),
    (r) => pageKey(r.placement, r.slot),
    (key) => {
      const [placement, slot] = key.split('|')
      return {
        label:
          placement === UNKNOWN_PLACEMENT
            ? '不明なページ'
            : placement!.startsWith('agent-')
              ? `エージェントページ: ${placement!.slice(6)}`
              : `記事: ${placement}`,
        detail: slotLabel(slot),
      }
    },
  )
  const aspOf = (key: string) => linkOf(key)?.asp ?? 'other'
  const agentOf = (key: string) => id(linkOf(key)?.agent)
  const byAsp = group(
    byLinkSums,
    results,
    (s) => aspOf(linkKey(s.link)),
    (r) => aspOf(linkKey(r.link)),
    (asp) => ({
      label: ASPS[asp as keyof typeof ASPS] ?? asp,
    }),
  )
  const byAgent = group(
    byLinkSums,
    results,
    (s) => agentOf(linkKey(s.link)),
    (r) => agentOf(linkKey(r.link)),
    (key) => ({
      label: agentName.get(key) ?? '(不明)',
    }),
  )
  await namePages(payload, byPage)
  const previousByLink = group(
    previousSums,
    previousResults,
    (s) => linkKey(s.link),
    (r) => linkKey(r.link),
    (key) => ({ label: key }),
  )
  return {
    range,
    previous,
    total: total(byLink, 'total'),
    bot: range.bots ? { conversions: 0, reward: 0 } : setAside(allResults, 'bot'),
    unmatched: setAside(allResults, 'none'),
    botClicks: withBots
      ? withBots.reduce((n, s) => n + s.clicks, 0) - byLinkSums.reduce((n, s) => n + s.clicks, 0)
      : null,
    previousTotal: total(previousByLink, 'previous'),
    byDay: byDay.sort((a, b) => a.key.localeCompare(b.key)),
    byLink,
    byPage,
    byAsp,
    byAgent,
  }
}

/** Every day of the range, with 0 for a day without clicks (for the chart). */
export function everyDay(
  range: Range,
  rows: Row[],
): { day: string; clicks: number; uniques: number }[] {
  const byDay = new Map(rows.map((r) => [r.key, r]))
  const out = []
  for (
    let t = Date.parse(`${range.fromDay}T00:00:00Z`);
    t <= Date.parse(`${range.toDay}T00:00:00Z`);
    t += DAY
  ) {
    const day = new Date(t).toISOString().slice(0, 10)
    out.push({ day, clicks: byDay.get(day)?.clicks ?? 0, uniques: byDay.get(day)?.uniques ?? 0 })
  }
  return out
}

/** Readers' clicks of one link: today, the last 7 and the last 30 Japan days (today included). */
export type LinkClicks = { today: number; week: number; month: number }

/**
 * Every link's readers' clicks today and over the last 7 and 30 days, from the rollups (three
 * sums by link, whose rows are one per link that had clicks): the link list's column and the
 * link's page, as Pretty Links shows them. Bots are left out, as in the report by default.
 */
export async function linkClickCounts(
  payload: Payload,
  now: Date,
): Promise<Map<string, LinkClicks>> {
  const today = dayInJapan(now)
  const daysBack = (n: number) => dayInJapan(new Date(now.getTime() - n * DAY))
  const [day, week, month] = await Promise.all(
    [0, 6, 29].map((n) =>
      sumRollups(payload, { fromDay: daysBack(n), toDay: today, bots: false }, 'link'),
    ),
  )
  const counts = new Map<string, LinkClicks>()
  const entry = (link: unknown) => {
    const key = id(link)
    return counts.get(key) ?? counts.set(key, { today: 0, week: 0, month: 0 }).get(key)!
  }
  for (const s of day!) entry(s.link).today += s.clicks
  for (const s of week!) entry(s.link).week += s.clicks
  for (const s of month!) entry(s.link).month += s.clicks
  return counts
}
