'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'

import { REJECTION_REASONS } from '@/lib/taxonomy'

import { QueueOutcome } from './QueueOutcome'

export type ReportedRow = {
  reviewId: string | number
  title: string
  body: string
  rating: number
  agentName: string
  editHref: string
  reports: { id: string | number; reason: string; note: string | null; createdAt: string }[]
  /** the rejection reason that matches the reports best, chosen in advance */
  suggestedReason: string
}

async function patch(url: string, data: Record<string, unknown>): Promise<string | null> {
  const res = await fetch(url, {
    method: 'PATCH',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(data),
  })
  if (res.ok) return null
  const body = (await res.json().catch(() => null)) as {
    errors?: { message?: string; data?: { errors?: { message: string }[] } }[]
  } | null
  const first = body?.errors?.[0]
  return first?.data?.errors?.[0]?.message ?? first?.message ?? String(res.status)
}

/**
 * Published reviews that readers reported, with every open report's reason and note. The
 * moderator keeps the review (the reports are closed and the decision recorded) or rejects it
 * with a reason (its reports are closed as upheld). Both go through the REST API as the
 * signed-in editor, so the collections' hooks record them.
 */
export function ReportedReviewsTable({ rows }: { rows: ReportedRow[] }) {
  const router = useRouter()
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, startTransition] = useTransition()

  const run = (work: () => Promise<string | null>, done: string) =>
    startTransition(async () => {
      setMessage(null)
      const failure = await work()
      setMessage(
        failure
          ? { ok: false, text: `処理できませんでした: ${failure}` }
          : { ok: true, text: done },
      )
      router.refresh()
    })

  const keep = (row: ReportedRow) =>
    run(async () => {
      for (const report of row.reports) {
        const failure = await patch(
          `/api/review-reports/${encodeURIComponent(String(report.id))}`,
          { status: 'dismissed' },
        )
        if (failure) return failure
      }
      return null
    }, `「${row.title}」の掲載を続けます。通報${row.reports.length}件を対応済みにしました。`)

  const reject = (row: ReportedRow) => {
    const reason = reasons[String(row.reviewId)] ?? row.suggestedReason
    run(
      () =>
        patch(`/api/reviews/${encodeURIComponent(String(row.reviewId))}`, {
          status: 'rejected',
          rejectionCategory: reason,
          rejectionReason: reason === 'other' ? '読者からの通報を確認' : '',
        }),
      `「${row.title}」を却下しました。`,
    )
  }

  if (rows.length === 0)
    return (
      <div className="review-queue">
        <QueueOutcome message={message} />
        <p className="review-queue__empty">未対応の通報はありません。</p>
      </div>
    )

  return (
    <div className="review-queue">
      <QueueOutcome message={message} />
      <table className="review-queue__table">
        <caption>通報された口コミ(掲載中、{rows.length}件)</caption>
        <thead>
          <tr>
            <th scope="col">口コミ</th>
            <th scope="col">評価</th>
            <th scope="col">通報</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.reviewId}>
              <td>
                <a href={row.editHref}>
                  <strong>{row.title}</strong>
                </a>
                <div>{row.agentName}</div>
                <p className="review-queue__body">{row.body}</p>
              </td>
              <td>★{row.rating}</td>
              <td>
                <ul>
                  {row.reports.map((report) => (
                    <li key={report.id}>
                      {report.reason}
                      {report.note ? `:${report.note}` : ''}(
                      {new Date(report.createdAt).toLocaleDateString('ja-JP')})
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => keep(row)}
                  aria-label={`「${row.title}」の掲載を続ける`}
                >
                  掲載を続ける
                </button>
                <label>
                  却下するときの理由
                  <select
                    aria-label={`「${row.title}」を却下するときの理由`}
                    value={reasons[String(row.reviewId)] ?? row.suggestedReason}
                    onChange={(e) =>
                      setReasons((current) => ({
                        ...current,
                        [String(row.reviewId)]: e.target.value,
                      }))
                    }
                  >
                    {Object.entries(REJECTION_REASONS).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => reject(row)}
                  aria-label={`「${row.title}」を却下`}
                >
                  却下
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
