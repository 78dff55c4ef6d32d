import { Gutter } from '@payloadcms/ui'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { isAdminUser } from '@/access/isAdmin'
import { isEditorOrMarketerUser } from '@/access/isEditorOrMarketer'
import { isMarketerUser } from '@/access/isMarketer'
import { rangeFrom } from '@/endpoints/clickEndpoints'
import { dayInJapan } from '@/lib/clicks/classify'
import {
  approvalRate,
  clickReport,
  epc,
  SHOWN_ROWS,
  everyDay,
  type ClickReport,
  type Row,
} from '@/lib/clicks/report'
import { ASPS, toOptions } from '@/lib/taxonomy'
import type { User } from '@/payload-types'

import { AdminViewTemplate } from './AdminViewTemplate'
import { ClickDeletionForm, ResultsImportForm } from './ClickReportForms'

const yen = (n: number) => `${Math.round(n).toLocaleString('ja-JP')}円`
const count = (n: number) => n.toLocaleString('ja-JP')
/** EPC with one decimal and the thousands grouped as the rewards are (2,166.7円) */
const perClick = (value: number | null) =>
  value === null
    ? '—'
    : `${value.toLocaleString('ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}円`
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)

/**
 * The results the figures above leave out, each with its number and reward: those joined to
 * bots' clicks (when bots are left out) and those whose sub-ID names no click.
 */
function SetAsideLines({ report }: { report: ClickReport }) {
  const lines = [
    report.bot.conversions > 0
      ? `ボットのクリックに紐づく成果 ${count(report.bot.conversions)}件・確定報酬 ${yen(report.bot.reward)}(ボットを除く表示のため、上の成果・報酬・EPCに含めていません)`
      : null,
    report.unmatched.conversions > 0
      ? `クリックに紐づかない成果 ${count(report.unmatched.conversions)}件・確定報酬 ${yen(report.unmatched.reward)}(サブIDがどのクリックとも一致しないため、上の成果・報酬・EPCに含めていません)`
      : null,
  ].filter(Boolean)
  return lines.length ? (
    <ul className="click-report__aside" data-testid="results-set-aside">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  ) : null
}

function change(now: number, before: number) {
  if (!before) return now ? '前期間 0' : '±0'
  const diff = (now - before) / before
  return `${diff >= 0 ? '+' : ''}${Math.round(diff * 1000) / 10}%`
}

function DayChart({ report }: { report: ClickReport }) {
  const days = everyDay(report.range, report.byDay)
  const max = Math.max(1, ...days.map((d) => d.clicks))
  const width = 720
  const height = 160
  const bar = width / days.length
  return (
    <figure className="click-report__chart">
      <svg
        viewBox={`0 0 ${width} ${height + 20}`}
        role="img"
        aria-label={`日別クリック数のグラフ(${report.range.fromDay}〜${report.range.toDay}、最大 ${count(max)} 件/日)`}
      >
        {days.map((d, i) => {
          const h = Math.round((d.clicks / max) * height)
          return (
            <rect
              key={d.day}
              x={i * bar + 1}
              y={height - h}
              width={Math.max(1, bar - 2)}
              height={h}
              className="click-report__bar"
            >
              <title>{`${d.day}: ${count(d.clicks)} クリック(ユニーク ${count(d.uniques)})`}</title>
            </rect>
          )
        })}
        <text x={0} y={height + 16} className="click-report__axis">
          {days[0]?.day}
        </text>
        <text x={width} y={height + 16} textAnchor="end" className="click-report__axis">
          {days.at(-1)?.day}
        </text>
      </svg>
      <figcaption>
        日別クリック数(棒にカーソルを合わせると件数が出ます。数値は下の「日別」の表にもあります)
      </figcaption>
    </figure>
  )
}

// a table shows its top rows (by clicks); every row of every day is in the CSV

function RowsTable({
  caption,
  rows,
  first,
  detail,
}: {
  caption: string
  rows: Row[]
  first: string
  detail?: string
}) {
  const shown = rows.slice(0, SHOWN_ROWS)
  return (
    // focusable, so the table can be scrolled sideways from the keyboard on a narrow screen
    <div className="click-report__scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="click-report__table">
        <caption>
          {caption}
          {rows.length > shown.length
            ? `(クリックの多い${shown.length}件を表示、全${rows.length.toLocaleString('ja-JP')}件はCSVで確認できます)`
            : null}
        </caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {detail ? <th scope="col">{detail}</th> : null}
            <th scope="col">クリック</th>
            <th scope="col">ユニーク</th>
            <th scope="col">成果</th>
            <th scope="col">承認率</th>
            <th scope="col">確定報酬</th>
            <th scope="col">EPC</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={detail ? 8 : 7}>この期間のクリックはありません。</td>
            </tr>
          ) : (
            shown.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  {row.href ? (
                    <a href={row.href} target="_blank" rel="noreferrer">
                      {row.label}
                    </a>
                  ) : (
                    row.label
                  )}
                </th>
                {detail ? <td>{row.detail}</td> : null}
                <td>{count(row.clicks)}</td>
                <td>{count(row.uniques)}</td>
                <td>{count(row.conversions)}</td>
                <td>{percent(approvalRate(row))}</td>
                <td>{yen(row.reward)}</td>
                <td>{perClick(epc(row))}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}

/**
 * /admin/click-report: clicks per day, link, page and slot, ASP and agent, unique and total,
 * for a range of days against the period before it, bots left out unless asked for, with the
 * ASPs' results (conversions, approval rate, reward, EPC) beside the clicks. Read from the
 * daily rollups (lib/clicks/report.ts). Editors, marketers and admins.
 */
export async function ClickReportView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req } = initPageResult
  const user = req.user as User | null
  if (!user) redirect('/admin/login?redirect=%2Fadmin%2Fclick-report')
  const allowed = isEditorOrMarketerUser(user)
  const query = Object.fromEntries(
    Object.entries(searchParams ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  )
  const range = rangeFrom(query, dayInJapan(new Date()))
  const report = allowed && typeof range !== 'string' ? await clickReport(req.payload, range) : null
  const csvHref =
    typeof range === 'string'
      ? null
      : `/api/click-report.csv?from=${range.fromDay}&to=${range.toDay}${range.bots ? '&bots=1' : ''}`

  return (
    <AdminViewTemplate initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="click-report-view">
        <h1>クリックレポート</h1>
        {!allowed ? (
          <p role="alert">このページは編集者・マーケターと管理者だけが見られます。</p>
        ) : (
          <>
            <form method="get" action="/admin/click-report" className="click-report__filters">
              <label>
                開始日
                <input
                  type="date"
                  name="from"
                  defaultValue={typeof range === 'string' ? '' : range.fromDay}
                />
              </label>
              <label>
                終了日
                <input
                  type="date"
                  name="to"
                  defaultValue={typeof range === 'string' ? '' : range.toDay}
                />
              </label>
              <label className="click-report__check">
                <input
                  type="checkbox"
                  name="bots"
                  value="1"
                  defaultChecked={typeof range !== 'string' && range.bots}
                />
                ボットのクリックも含める
              </label>
              {report && report.botClicks !== null ? (
                <p className="click-report__bots" data-testid="bots-left-out">
                  {report.botClicks
                    ? `この期間のボットと判定したクリック${count(report.botClicks)}件を除いて表示しています。`
                    : 'この期間にボットと判定したクリックはありません。'}
                </p>
              ) : null}
              <button type="submit" className="btn btn--style-primary btn--size-small">
                表示
              </button>
            </form>
            {typeof range === 'string' ? <p role="alert">{range}</p> : null}
            {report ? (
              <>
                <p>
                  {report.range.fromDay}〜{report.range.toDay}(日本時間)
                  {report.range.bots ? '・ボットを含む' : '・ボットを除く'}。比較する前の期間:{' '}
                  {report.previous.fromDay}〜{report.previous.toDay}
                  。ユニークは、同じ人が同じ日に同じリンクを同じ場所から何度押しても1回と数えます。
                </p>
                <dl className="click-report__totals">
                  <div>
                    <dt>クリック</dt>
                    <dd data-total="clicks">{count(report.total.clicks)}</dd>
                    <dd>前期間比 {change(report.total.clicks, report.previousTotal.clicks)}</dd>
                  </div>
                  <div>
                    <dt>ユニーククリック</dt>
                    <dd data-total="uniques">{count(report.total.uniques)}</dd>
                    <dd>前期間比 {change(report.total.uniques, report.previousTotal.uniques)}</dd>
                  </div>
                  <div>
                    <dt>成果(確定)</dt>
                    <dd>
                      {count(report.total.conversions)}({count(report.total.confirmed)})
                    </dd>
                    <dd>承認率 {percent(approvalRate(report.total))}</dd>
                  </div>
                  <div>
                    <dt>確定報酬</dt>
                    <dd>{yen(report.total.reward)}</dd>
                    <dd data-total="epc">EPC {perClick(epc(report.total))}</dd>
                  </div>
                </dl>
                <SetAsideLines report={report} />
                {csvHref ? (
                  <p>
                    <a href={csvHref} download>
                      CSVをダウンロード(日別・リンク・ページ・設置場所ごと)
                    </a>
                  </p>
                ) : null}
                <DayChart report={report} />
                <RowsTable caption="リンク別" rows={report.byLink} first="リンク" detail="URL" />
                <RowsTable
                  caption="記事・設置場所別"
                  rows={report.byPage}
                  first="ページ"
                  detail="設置場所"
                />
                <RowsTable caption="ASP別" rows={report.byAsp} first="ASP" />
                <RowsTable caption="エージェント別" rows={report.byAgent} first="エージェント" />
                <RowsTable caption="日別" rows={report.byDay} first="日付" />
              </>
            ) : null}
            {isMarketerUser(user) ? (
              <section>
                <h2>ASPの成果CSVを取り込む</h2>
                <p>
                  ASPの成果レポートをCSVでダウンロードし、そのまま選んでください(Shift_JISでも読めます)。列の読み方は
                  <Link href="/admin/globals/affiliate-settings">アフィリエイト設定</Link>
                  でASPごとに一度設定します。同じファイルをもう一度取り込んでも件数は増えません。
                </p>
                <ResultsImportForm asps={toOptions(ASPS)} />
              </section>
            ) : null}
            {isAdminUser(user) ? (
              <section>
                <h2>クリック記録の削除(管理者)</h2>
                <p>
                  指定した期間のクリック記録を削除します。日別の集計は残ります。削除は「クリック削除の記録」に残ります。
                </p>
                <ClickDeletionForm />
              </section>
            ) : null}
          </>
        )}
      </Gutter>
    </AdminViewTemplate>
  )
}
