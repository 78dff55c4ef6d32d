import { createHash } from 'node:crypto'

import { parse } from 'csv-parse/sync'
import type { Payload } from 'payload'

import type { AffiliateSetting, AspResult, User } from '@/payload-types'
import { eachPage } from '@/lib/pageRows'
import { ASPS } from '@/lib/taxonomy'

// ASP results (成果レポート) imported from a CSV the marketer downloads from the ASP: its
// columns are read by the headings set once per ASP in the affiliate settings, each row is
// joined to its click through the sub-ID (the `{click}` id or the whole sub-ID) and so to a
// link, page and slot. Bad rows are listed with their line numbers and nothing of them is
// stored; good rows are stored under a key (the ASP's order id, or the row's content and its
// occurrence in the file), so a re-upload of the same file changes nothing and a later file
// with a row's new status (発生 → 確定) updates that row. ASP CSVs often come in Shift_JIS:
// a file that is not valid UTF-8 is read as Shift_JIS.

export const MAX_FILE_BYTES = 5 * 1024 * 1024
export const MAX_ROWS = 50_000

export type ImportReport = {
  rows: number
  added: number
  updated: number
  unchanged: number
  /** stored, but no click carries their sub-ID */
  unmatched: number
  errors: { line: number; message: string }[]
}

type Mapping = NonNullable<AffiliateSetting['resultImports']>[number]
type Status = AspResult['status']

export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('shift_jis').decode(bytes)
  }
}

const words = (value: string | null | undefined) =>
  (value ?? '')
    .split(/[,、]/)
    .map((w) => w.trim())
    .filter(Boolean)

function statusOf(value: string, mapping: Mapping): Status | null {
  const v = value.trim()
  if (words(mapping.confirmedWords).includes(v)) return 'confirmed'
  if (words(mapping.rejectedWords).includes(v)) return 'rejected'
  if (words(mapping.pendingWords).includes(v)) return 'pending'
  return null
}

/** 2026/11/05, 2026-11-05 or 2026年11月5日, with or without a time → 2026-11-05. */
export function dayOf(value: string): string | null {
  const m = value.trim().match(/^(\d{4})[/\-年.](\d{1,2})[/\-月.](\d{1,2})日?(?:[ T].*)?$/)
  if (!m) return null
  const [, y, mo, d] = m
  const day = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`
  const date = new Date(`${day}T00:00:00Z`)
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : day
}

/** ¥12,000 / 12,000円 / 12000 → 12000; anything else null. */
export function rewardOf(value: string): number | null {
  const cleaned = value.trim().replace(/[¥￥,円\s]/g, '')
  if (!/^\d+(?:\.\d+)?$/.test(cleaned)) return null
  return Number(cleaned)
}

type Parsed = {
  line: number
  key: string
  occurredOn: string
  status: Status
  reward: number
  subId: string
  orderId: string
  program: string
}

/**
 * The line where a quoted field opens and never closes (the rest of the file would be read as
 * that one field), or null. Quotes are counted line by line as csv-parse reads them: a doubled
 * quote inside a field is two, so only an odd count opens or closes a field.
 */
function unclosedQuoteLine(lines: string[]): number | null {
  let openedAt: number | null = null
  lines.forEach((text, i) => {
    if ((text.match(/"/g)?.length ?? 0) % 2) openedAt = openedAt === null ? i + 1 : null
  })
  return openedAt
}

type Records = { cells: string[]; line: number }[]

/**
 * The file's records with the line each ends on. A quote left open is reported on its own line
 * and that line is left out (blanked, so the other lines keep their numbers), and the rest of
 * the file is read as usual, so the other rows' problems are reported too.
 */
function recordsOf(csv: string, errors: ImportReport['errors']): Records | null {
  const lines = csv.split(/\r\n|\n|\r/)
  for (let tries = 0; tries < 10; tries++) {
    const open = unclosedQuoteLine(lines)
    if (open === null) break
    errors.push({ line: open, message: '引用符(")が閉じていません。この行は読み飛ばしました' })
    lines[open - 1] = ''
  }
  try {
    const parsed = parse(lines.join('\n'), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]
    return parsed.map(({ record, info }) => ({ cells: record, line: info.lines }))
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1
    errors.push({ line, message: 'CSVとして読めません(引用符の位置など)' })
    return null
  }
}

export function readResults(
  asp: string,
  csv: string,
  mapping: Mapping,
): { rows: Parsed[]; errors: ImportReport['errors'] } {
  const errors: ImportReport['errors'] = []
  if (!csv.trim()) return { rows: [], errors: [{ line: 0, message: 'ファイルが空です(0行)' }] }
  const all = recordsOf(csv, errors)
  if (!all) return { rows: [], errors }
  if (all.length - 1 > MAX_ROWS)
    return {
      rows: [],
      errors: [
        { line: 1, message: `一度に取り込めるのは${MAX_ROWS.toLocaleString('ja-JP')}行までです` },
      ],
    }
  const [heading, ...body] = all
  const headings = (heading?.cells ?? []).map((h) => h.trim().replace(/^\uFEFF/, ''))
  const required: [string, string | null | undefined][] = [
    ['発生日', mapping.dateColumn],
    ['サブID', mapping.subIdColumn],
    ['状態', mapping.statusColumn],
    ['報酬額', mapping.rewardColumn],
  ]
  const missing = required.filter(([, name]) => !name || !headings.includes(name))
  if (missing.length)
    return {
      rows: [],
      errors: [
        {
          line: heading?.line ?? 1,
          message: `見出しに ${missing.map(([what, name]) => `「${name ?? what}」(${what})`).join('、')} がありません。アフィリエイト設定の列名を確認してください`,
        },
      ],
    }
  if (!body.length) {
    errors.push({ line: 0, message: '見出しの行だけで、成果の行がありません' })
    return { rows: [], errors }
  }
  // each row as the headings name its cells; a row whose cells do not line up is refused
  // whole (an unquoted 「¥2,500」 is two cells, and its amount would be read as 2)
  const records: { record: Record<string, string>; info: { lines: number } }[] = []
  for (const { cells, line } of body) {
    if (cells.length !== headings.length) {
      errors.push({
        line,
        message: `列の数(${cells.length})が見出しの列の数(${headings.length})と合いません。カンマを含む値(¥2,500 など)が引用符で囲まれているか確かめてください`,
      })
      continue
    }
    records.push({
      record: Object.fromEntries(headings.map((h, i) => [h, cells[i] ?? ''])),
      info: { lines: line },
    })
  }
  const seen = new Map<string, number>()
  const rows: Parsed[] = []
  for (const { record, info } of records) {
    const line = info.lines
    const cell = (heading: string | null | undefined) =>
      heading ? (record[heading] ?? '').trim() : ''
    const problems: string[] = []
    const occurredOn = dayOf(cell(mapping.dateColumn))
    if (!occurredOn) problems.push(`発生日「${cell(mapping.dateColumn)}」が日付として読めません`)
    const status = statusOf(cell(mapping.statusColumn), mapping)
    if (!status)
      problems.push(
        `状態「${cell(mapping.statusColumn)}」は設定した値(発生・確定・否認)のどれでもありません`,
      )
    const reward = rewardOf(cell(mapping.rewardColumn))
    if (reward === null)
      problems.push(`報酬額「${cell(mapping.rewardColumn)}」が金額として読めません`)
    if (problems.length || !occurredOn || !status || reward === null) {
      errors.push({ line, message: problems.join('。') })
      continue
    }
    const orderId = cell(mapping.orderIdColumn)
    const subId = cell(mapping.subIdColumn).slice(0, 200)
    const program = cell(mapping.programColumn).slice(0, 200)
    let key: string
    if (orderId) key = `${asp}:order:${orderId}`
    else {
      // the same content twice in one file is two results: the occurrence is part of the key
      const content = [occurredOn, subId, program, status, reward].join('\u0000')
      const n = (seen.get(content) ?? 0) + 1
      seen.set(content, n)
      key = `${asp}:row:${createHash('sha256').update(`${content}\u0000${n}`).digest('hex').slice(0, 32)}`
    }
    rows.push({ line, key, occurredOn, status, reward, subId, orderId, program })
  }
  return { rows, errors: errors.sort((a, b) => a.line - b.line) }
}

type ClickRef = {
  bot: boolean
  link: AspResult['link']
  article: AspResult['article']
  placement: string | null
  slot: string | null
}

async function clicksBySubId(payload: Payload, subIds: string[]): Promise<Map<string, ClickRef>> {
  const found = new Map<string, ClickRef>()
  for (let i = 0; i < subIds.length; i += 500) {
    const part = subIds.slice(i, i + 500)
    // a sub-ID a marketer reuses may match many clicks: walked a page at a time, one kept each
    await eachPage(
      payload,
      {
        collection: 'clicks',
        where: { or: [{ clickId: { in: part } }, { subId: { in: part } }] },
        select: {
          clickId: true,
          subId: true,
          link: true,
          article: true,
          placement: true,
          slot: true,
          isBot: true,
        },
        sort: 'id',
        depth: 0,
        overrideAccess: true,
      },
      (docs) => {
        for (const doc of docs) {
          const ref = {
            bot: Boolean(doc.isBot),
            link: doc.link,
            article: doc.article ?? null,
            placement: doc.placement ?? null,
            slot: doc.slot ?? null,
          }
          if (doc.subId && !found.has(doc.subId)) found.set(doc.subId, ref)
          if (doc.clickId) found.set(doc.clickId, ref)
        }
      },
    )
  }
  return found
}

/** The click a sub-ID names: the whole sub-ID, or a click id inside it (a template with more). */
const matchClick = (subId: string, clicks: Map<string, ClickRef>) =>
  clicks.get(subId) ??
  subId
    .match(/[0-9a-f]{16}/g)
    ?.map((id) => clicks.get(id))
    .find(Boolean)

export async function importAspResults(
  payload: Payload,
  {
    asp,
    bytes,
    fileName,
    user,
    dryRun = false,
  }: {
    asp: string
    bytes: Uint8Array
    fileName: string
    user?: User | null
    /** count what the import would add, change and refuse, and store nothing */
    dryRun?: boolean
  },
): Promise<ImportReport> {
  const report: ImportReport = {
    rows: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    unmatched: 0,
    errors: [],
  }
  if (!Object.hasOwn(ASPS, asp))
    return { ...report, errors: [{ line: 0, message: 'ASPを選んでください' }] }
  if (bytes.byteLength > MAX_FILE_BYTES)
    return {
      ...report,
      errors: [
        { line: 0, message: `ファイルが大きすぎます(${MAX_FILE_BYTES / 1024 / 1024}MBまで)` },
      ],
    }
  const settings = await payload.findGlobal({
    slug: 'affiliate-settings',
    depth: 0,
    overrideAccess: true,
  })
  const mapping = settings.resultImports?.find((m) => m.asp === asp)
  if (!mapping)
    return {
      ...report,
      errors: [
        {
          line: 0,
          message: `${ASPS[asp as keyof typeof ASPS]} の列の設定がありません。アフィリエイト設定の「成果CSVの読み方」で設定してください`,
        },
      ],
    }
  const { rows, errors } = readResults(asp, decodeCsv(bytes), mapping)
  report.rows = rows.length + errors.length
  report.errors = errors
  if (!rows.length) return report

  const clicks = await clicksBySubId(payload, [
    ...new Set(
      rows.flatMap((r) => [r.subId, ...(r.subId.match(/[0-9a-f]{16}/g) ?? [])]).filter(Boolean),
    ),
  ])
  const existing = new Map<string, AspResult>()
  for (let i = 0; i < rows.length; i += 500) {
    const { docs } = await payload.find({
      collection: 'asp-results',
      where: { rowKey: { in: rows.slice(i, i + 500).map((r) => r.key) } },
      limit: 500,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    for (const doc of docs) existing.set(doc.rowKey, doc)
  }
  const safeName = fileName.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120)
  for (const row of rows) {
    const click = row.subId ? matchClick(row.subId, clicks) : undefined
    if (!click) report.unmatched += 1
    const before = existing.get(row.key)
    if (before) {
      if (before.status === row.status && before.reward === row.reward) {
        report.unchanged += 1
        continue
      }
      report.updated += 1
      if (dryRun) continue
      await payload.update({
        collection: 'asp-results',
        id: before.id,
        data: { status: row.status, reward: row.reward },
        depth: 0,
        overrideAccess: true,
      })
      continue
    }
    report.added += 1
    if (dryRun) continue
    await payload.create({
      collection: 'asp-results',
      data: {
        rowKey: row.key,
        asp: asp as AspResult['asp'],
        occurredOn: row.occurredOn,
        status: row.status,
        reward: row.reward,
        subId: row.subId || null,
        orderId: row.orderId || null,
        program: row.program || null,
        link: click?.link ?? null,
        article: click?.article ?? null,
        placement: click?.placement ?? null,
        slot: click?.slot ?? null,
        matchedClick: click ? (click.bot ? 'bot' : 'human') : 'none',
        fileName: safeName,
        line: row.line,
      },
      depth: 0,
      overrideAccess: true,
    })
  }
  if (dryRun) return report
  payload.logger.info(
    `ASP results imported by ${user?.email ?? 'system'} (${asp}, ${safeName}): ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.errors.length} refused`,
  )
  return report
}
