import Link from 'next/link'
import { cache } from 'react'
import type { UIFieldServerProps } from 'payload'

import { isStaffUser } from '@/access/isStaff'
import { linkClickCounts, type LinkClicks } from '@/lib/clicks/report'
import { getPayloadClient } from '@/lib/payload'

// one read of every link's counts per request, however many rows the list shows
const countsNow = cache(async () => linkClickCounts(await getPayloadClient(), new Date()))

const none: LinkClicks = { today: 0, week: 0, month: 0 }
const n = (value: number) => value.toLocaleString('ja-JP')

/** The link list's クリック column: readers' clicks today / 7 days / 30 days. */
export async function LinkClicksCell({ rowData }: { rowData?: { id?: unknown } }) {
  const counts = (await countsNow()).get(String(rowData?.id)) ?? none
  return (
    <span className="link-clicks" title="今日 / 直近7日 / 直近30日(ボットを除く)">
      {n(counts.today)} / {n(counts.week)} / {n(counts.month)}
    </span>
  )
}

/** The same on the link's page, labelled, with the report for more. */
export async function LinkClicksField({ id, req }: UIFieldServerProps) {
  if (id === undefined || !isStaffUser(req.user)) return null
  const counts = (await countsNow()).get(String(id)) ?? none
  return (
    <div className="link-clicks-field field-type">
      <p className="link-clicks-field__label">クリック数(ボットを除く)</p>
      <dl className="link-clicks-field__figures" data-testid="link-clicks">
        <div>
          <dt>今日</dt>
          <dd>{n(counts.today)}</dd>
        </div>
        <div>
          <dt>直近7日</dt>
          <dd>{n(counts.week)}</dd>
        </div>
        <div>
          <dt>直近30日</dt>
          <dd>{n(counts.month)}</dd>
        </div>
      </dl>
      <p>
        <Link href="/admin/click-report">クリックレポートで詳しく見る</Link>
      </p>
    </div>
  )
}
