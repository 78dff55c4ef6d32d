import { stringify } from 'csv-stringify'
import type { Endpoint, PayloadRequest, Where } from 'payload'

import { isAdminUser } from '@/access/isAdmin'
import { isEditorOrMarketerUser } from '@/access/isEditorOrMarketer'
import { isMarketerUser } from '@/access/isMarketer'
import { importAspResults } from '@/lib/aspResults'
import { dayInJapan } from '@/lib/clicks/classify'
import { id, resultsIn, slotLabel, type Range } from '@/lib/clicks/report'
import { statusOf } from '@/lib/payloadErrors'
import { deleteClicks } from '@/lib/clicks/retention'
import { checkLinkHealth } from '@/lib/linkHealth'
import { ASPS } from '@/lib/taxonomy'
import type { AffiliateLink, ClickRollup } from '@/payload-types'

// The marketers' endpoints: the click report as a streamed CSV, the ASP results import, a
// link's health check on demand, and an admin's deletion of clicks by date range.

const refuse = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })
const forbidden = () => refuse(403, 'この操作を行う権限がありません。')

const DAY = /^\d{4}-\d{2}-\d{2}$/
const validDay = (value: unknown): value is string =>
  typeof value === 'string' &&
  DAY.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)

/** The report's range from a query: from/to as YYYY-MM-DD (at most 400 days), bots=1. */
export function rangeFrom(query: Record<string, unknown>, today: string): Range | string {
  const toDay = query.to === undefined || query.to === '' ? today : query.to
  const fromDay = query.from === undefined || query.from === '' ? null : query.from
  if (!validDay(toDay) || (fromDay !== null && !validDay(fromDay)))
    return '日付は 2026-11-01 の形で指定してください。'
  const from =
    fromDay ??
    new Date(Date.parse(`${toDay}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10)
  if (from > toDay) return '開始日は終了日より前にしてください。'
  if (Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`) > 400 * 86_400_000)
    return '期間は400日までです。'
  return { fromDay: from, toDay, bots: query.bots === '1' }
}

// rollup rows read at a time (the bounded-read rule of the tests: a page is at most 500)
const PAGE = 500

/** The ASP results of a CSV row, and those that no row of the file stands for. */
type RowResults = { conversions: number; reward: number; bot: boolean; link: unknown } & {
  day: string
  placement: string
  slot: string
}

// a rollup row's key and its results' (a result joined to no click: its day alone)
const rowKey = (day: string, link: unknown, placement: unknown, slot: unknown, bot: boolean) =>
  [day, id(link), placement ?? '', slot ?? '', bot ? 'bot' : 'human'].join('|')

/** What the report's table shows for EPC (confirmed reward per click, one decimal). */
const epcText = (reward: number, clicks: number) => (clicks ? (reward / clicks).toFixed(1) : '')

/**
 * GET /api/click-report.csv: every daily rollup row of the range, written as it is read, with
 * the ASP results of each (their number, confirmed reward and EPC) as the report counts them;
 * then the results no row stands for, each on a line of its own: those joined to bots' clicks
 * when bots are left out, those on a day or page without clicks, and those whose sub-ID names
 * no click.
 */
export const clickReportCsv: Endpoint = {
  path: '/click-report.csv',
  method: 'get',
  handler: async (req) => {
    if (!isEditorOrMarketerUser(req.user)) return forbidden()
    const range = rangeFrom(req.query, dayInJapan(new Date()))
    if (typeof range === 'string') return refuse(400, range)
    const { payload } = req
    // the results are read first, summed by row (at most MAX_RESULTS_PER_REPORT are read)
    const results = new Map<string, RowResults>()
    try {
      for (const r of await resultsIn(payload, range)) {
        const bot = r.matched === 'bot'
        const key =
          r.matched === 'none'
            ? `none|${r.occurredOn}`
            : rowKey(r.occurredOn, r.link, r.placement, r.slot, bot)
        const sum =
          results.get(key) ??
          results
            .set(key, {
              conversions: 0,
              reward: 0,
              bot,
              link: r.matched === 'none' ? null : r.link,
              day: r.occurredOn,
              placement: r.placement ?? '',
              slot: r.slot ?? '',
            })
            .get(key)!
        sum.conversions += r.count
        if (r.status === 'confirmed') sum.reward += r.reward
      }
    } catch (error) {
      if (statusOf(error) === 413) return refuse(413, (error as Error).message)
      throw error
    }
    // the links a page of rows names, read once each as the pages come (not every link up front)
    type LinkRow = Pick<AffiliateLink, 'id' | 'name' | 'slug' | 'asp'>
    const linkById = new Map<string, LinkRow | null>()
    const learnLinks = async (rows: { link?: unknown }[]) => {
      const wanted = [...new Set(rows.map((row) => id(row.link)))].filter(
        (key) => key && key !== 'null' && !linkById.has(key),
      )
      if (!wanted.length) return
      const { docs } = await payload.find({
        collection: 'affiliate-links',
        where: { id: { in: wanted } },
        select: { name: true, slug: true, asp: true },
        limit: wanted.length,
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
      for (const key of wanted) linkById.set(key, null)
      for (const link of docs) linkById.set(String(link.id), link as LinkRow)
    }
    const csv = stringify({
      header: true,
      bom: true,
      columns: [
        '日付',
        'リンク',
        'スラッグ',
        'ASP',
        '掲載ページ',
        '設置場所',
        'ボット',
        'クリック',
        'ユニーククリック',
        '成果件数',
        '確定報酬',
        'EPC',
      ],
    })
    // the day rows, in key order (which starts with the day), a page at a time after the last
    // key read: no count and no OFFSET, so the millionth row costs what the first did
    const where = (after: string | null): Where => ({
      and: [
        { grain: { equals: 'day' } },
        { day: { greater_than_equal: range.fromDay } },
        { day: { less_than_equal: range.toDay } },
        ...(range.bots ? [] : [{ isBot: { equals: false } }]),
        ...(after ? [{ key: { greater_than: after } }] : []),
      ],
    })
    void (async () => {
      try {
        for (let after: string | null = null; ;) {
          const { docs }: { docs: ClickRollup[] } = await payload.find({
            collection: 'click-rollups',
            where: where(after),
            sort: 'key',
            limit: PAGE,
            pagination: false,
            depth: 0,
            overrideAccess: true,
          })
          await learnLinks(docs)
          for (const row of docs) {
            const link = linkById.get(id(row.link))
            const key = rowKey(row.day ?? '', row.link, row.placement, row.slot, Boolean(row.isBot))
            const own = results.get(key)
            results.delete(key)
            const ok = csv.write([
              row.day,
              link?.name ?? '',
              link?.slug ?? '',
              link ? (ASPS[link.asp as keyof typeof ASPS] ?? link.asp) : '',
              row.placement,
              slotLabel(row.slot),
              row.isBot ? 'はい' : 'いいえ',
              row.clicks,
              row.uniques,
              own?.conversions ?? 0,
              own?.reward ?? 0,
              epcText(own?.reward ?? 0, row.clicks),
            ])
            if (!ok) await new Promise((resolve) => csv.once('drain', resolve))
          }
          if (docs.length < PAGE) break
          after = docs.at(-1)!.key
        }
        // the results no row stood for, by day, each saying why it has no clicks beside it
        const rest = [...results.values()].sort((a, b) => a.day.localeCompare(b.day))
        await learnLinks(rest)
        for (const r of rest) {
          const link = r.link ? linkById.get(id(r.link)) : null
          const ok = csv.write([
            r.day,
            r.link ? (link?.name ?? '') : '(クリックに紐づかない成果)',
            link?.slug ?? '',
            link ? (ASPS[link.asp as keyof typeof ASPS] ?? link.asp) : '',
            r.placement,
            r.link ? slotLabel(r.slot) : '',
            r.bot ? 'はい' : r.link ? 'いいえ' : '',
            0,
            0,
            r.conversions,
            r.reward,
            '',
          ])
          if (!ok) await new Promise((resolve) => csv.once('drain', resolve))
        }
        csv.end()
      } catch (error) {
        csv.destroy(error as Error)
      }
    })()
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        csv.on('data', (chunk: Buffer | string) =>
          controller.enqueue(
            typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk),
          ),
        )
        csv.on('end', () => controller.close())
        csv.on('error', (error) => controller.error(error))
      },
      cancel() {
        csv.destroy()
      },
    })
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="clicks-${range.fromDay}-${range.toDay}.csv"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}

/**
 * POST /api/asp-results/import (multipart: asp, file, and dryRun=1 for the preview that stores
 * nothing): marketers and admins.
 */
export const importResults: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!isMarketerUser(req.user)) return forbidden()
    let form: FormData
    try {
      form = await req.formData!()
    } catch {
      return refuse(400, 'CSVファイルを選んで送信してください。')
    }
    const file = form.get('file')
    const asp = String(form.get('asp') ?? '')
    const name = file instanceof Blob && 'name' in file ? String(file.name) : ''
    if (!(file instanceof Blob) || (file.size === 0 && !name))
      return refuse(400, 'CSVファイルを選んで送信してください。')
    if (file.size === 0) return refuse(400, `選んだファイル「${name}」は空です(0バイト)。`)
    const report = await importAspResults(req.payload, {
      asp,
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: name || 'results.csv',
      user: req.user,
      // the form's first step: what the file would add, change and refuse, nothing stored
      dryRun: form.get('dryRun') === '1',
    })
    return Response.json(report, { headers: { 'Cache-Control': 'no-store' } })
  },
}

/** POST /api/affiliate-links/:id/check-health: the health check now, for marketers. */
export const checkHealthNow: Endpoint = {
  path: '/:id/check-health',
  method: 'post',
  handler: async (req) => {
    if (!isMarketerUser(req.user)) return forbidden()
    const link = await req.payload
      .findByID({
        collection: 'affiliate-links',
        id: String(req.routeParams?.id ?? ''),
        depth: 0,
        select: { landingUrl: true },
        overrideAccess: true,
      })
      .catch(() => null)
    if (!link) return refuse(404, 'リンクが見つかりません。')
    if (!link.landingUrl) return refuse(400, '広告主のLP URLを入れて保存してから確認してください。')
    const result = await checkLinkHealth(req.payload, link)
    return Response.json(result, { headers: { 'Cache-Control': 'no-store' } })
  },
}

/** POST /api/clicks/delete-range {from?, before}: admins only, logged. */
export const deleteClickRange: Endpoint = {
  path: '/delete-range',
  method: 'post',
  handler: async (req) => {
    if (!isAdminUser(req.user)) return forbidden()
    const body = (await req.json?.().catch(() => null)) as {
      from?: unknown
      before?: unknown
    } | null
    if (
      !validDay(body?.before) ||
      (body?.from !== undefined && body.from !== '' && !validDay(body.from))
    )
      return refuse(
        400,
        '削除する期間を 2026-11-01 の形で指定してください(終了日の前日までが対象です)。',
      )
    const before = new Date(`${body.before}T00:00:00+09:00`)
    const from = validDay(body.from) ? new Date(`${body.from}T00:00:00+09:00`) : null
    if (from && from >= before) return refuse(400, '開始日は終了日より前にしてください。')
    const deleted = await deleteClicks(req.payload, {
      from,
      before,
      reason: 'admin',
      by: req.user!.id,
    })
    return Response.json({ deleted }, { headers: { 'Cache-Control': 'no-store' } })
  },
}
