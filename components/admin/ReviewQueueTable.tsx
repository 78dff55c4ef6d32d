'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'

import { REJECTION_REASONS } from '@/lib/taxonomy'

import { QueueOutcome } from './QueueOutcome'

export type QueueRow = {
  id: string | number
  title: string
  body: string
  /** the pen name the reader chose (moderated with the review), or null */
  penName: string | null
  rating: number
  agentName: string
  submittedAt: string
  rewarded: boolean
  recentFromSubmitter: number | null
  similarity: number | null
  bannedWords: string | null
  editHref: string
}

type Decision =
  | { status: 'approved' }
  | { status: 'rejected'; rejectionCategory: string; rejectionReason: string }

/** The rejection reasons of a select, after its empty 選んでください (the bar's and each row's). */
const ReasonOptions = () => (
  <>
    <option value="">選んでください</option>
    {Object.entries(REJECTION_REASONS).map(([value, label]) => (
      <option key={value} value={value}>
        {label}
      </option>
    ))}
  </>
)

/**
 * The pending reviews with their signals: approve or reject one, or tick several and decide
 * them together. Decisions go through the REST API as the signed-in editor, so the reviews'
 * hooks record them and refresh the agent's figures as for any other edit.
 */
export function ReviewQueueTable({ rows }: { rows: QueueRow[] }) {
  const router = useRouter()
  const [selected, setSelected] = useState<Set<QueueRow['id']>>(new Set())
  const [reason, setReason] = useState<string>('')
  const [note, setNote] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  // each row's own reason and note, asked where its 却下 is clicked
  const [rowReasons, setRowReasons] = useState<Record<string, string>>({})
  const [rowNotes, setRowNotes] = useState<Record<string, string>>({})
  const [rowProblem, setRowProblem] = useState<{ id: string; text: string } | null>(null)
  const [busy, startTransition] = useTransition()

  const decide = (ids: QueueRow['id'][], decision: Decision) =>
    startTransition(async () => {
      setMessage(null)
      const failures: string[] = []
      for (const id of ids) {
        const res = await fetch(`/api/reviews/${encodeURIComponent(String(id))}`, {
          method: 'PATCH',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(decision),
        })
        if (!res.ok) {
          const body = (await res.json().catch(() => null)) as {
            errors?: { message?: string; data?: { errors?: { message: string }[] } }[]
          } | null
          const first = body?.errors?.[0]
          failures.push(first?.data?.errors?.[0]?.message ?? first?.message ?? `${res.status}`)
        }
      }
      const done = ids.length - failures.length
      setMessage(
        failures.length
          ? {
              ok: false,
              text: `${done}件を処理し、${failures.length}件は失敗しました: ${failures[0]}`,
            }
          : {
              ok: true,
              text: `${done}件を${decision.status === 'approved' ? '承認' : '却下'}しました。`,
            },
      )
      setSelected(new Set())
      router.refresh()
    })

  /** Why a rejection cannot be sent with this reason and note, or null. */
  const reasonProblem = (why: string, text: string) =>
    !why
      ? '却下する理由を選んでください。'
      : why === 'other' && !text.trim()
        ? '「その他」の場合は理由を書いてください。'
        : null

  const rejectSelected = (ids: QueueRow['id'][]) => {
    const problem = reasonProblem(reason, note)
    if (problem) {
      setMessage({ ok: false, text: `選んだ口コミをまとめて却下するには、${problem}` })
      return
    }
    decide(ids, { status: 'rejected', rejectionCategory: reason, rejectionReason: note.trim() })
  }

  const rejectRow = (row: QueueRow) => {
    const key = String(row.id)
    const why = rowReasons[key] ?? ''
    const text = rowNotes[key] ?? ''
    const problem = reasonProblem(why, text)
    setRowProblem(problem ? { id: key, text: problem } : null)
    if (problem) {
      document.getElementById(`reason-${key}`)?.focus()
      return
    }
    decide([row.id], { status: 'rejected', rejectionCategory: why, rejectionReason: text.trim() })
  }

  const toggle = (id: QueueRow['id']) =>
    setSelected((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const ids = [...selected]

  if (rows.length === 0)
    return (
      <div className="review-queue">
        <QueueOutcome message={message} />
        <p className="review-queue__empty">審査待ちの口コミはありません。</p>
      </div>
    )

  return (
    <div className="review-queue">
      <fieldset className="review-queue__bar" disabled={busy}>
        <legend>選んだ口コミ({ids.length}件)をまとめて処理</legend>
        <label>
          まとめて却下する理由
          <select value={reason} onChange={(e) => setReason(e.target.value)}>
            <ReasonOptions />
          </select>
        </label>
        <label>
          補足(「その他」は必須)
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </label>
        <button
          type="button"
          disabled={ids.length === 0}
          onClick={() => decide(ids, { status: 'approved' })}
        >
          まとめて承認
        </button>
        <button type="button" disabled={ids.length === 0} onClick={() => rejectSelected(ids)}>
          まとめて却下
        </button>
      </fieldset>
      <QueueOutcome message={message} />
      <table className="review-queue__table">
        <caption>審査待ち(古い順、{rows.length}件)</caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="すべて選ぶ"
                checked={ids.length === rows.length}
                onChange={(e) =>
                  setSelected(new Set(e.target.checked ? rows.map((r) => r.id) : []))
                }
              />
            </th>
            <th scope="col">口コミ</th>
            <th scope="col">評価</th>
            <th scope="col">審査の参考</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`「${row.title}」を選ぶ`}
                  checked={selected.has(row.id)}
                  onChange={() => toggle(row.id)}
                />
              </td>
              <td>
                <a href={row.editHref}>
                  <strong>{row.title}</strong>
                </a>
                <div>
                  {row.agentName} / 投稿 {new Date(row.submittedAt).toLocaleString('ja-JP')}
                  {row.penName ? ` / ペンネーム「${row.penName}」` : ''}
                </div>
                <p className="review-queue__body">{row.body}</p>
              </td>
              <td>★{row.rating}</td>
              <td>
                <ul>
                  <li>同じ投稿者の直近30日: {row.recentFromSubmitter ?? '—'}件</li>
                  <li>
                    類似度: {row.similarity === null ? '—' : `${Math.round(row.similarity * 100)}%`}
                  </li>
                  <li>禁止語: {row.bannedWords || 'なし'}</li>
                  <li>謝礼: {row.rewarded ? 'あり' : 'なし'}</li>
                </ul>
              </td>
              <td className="review-queue__decide">
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => decide([row.id], { status: 'approved' })}
                  aria-label={`「${row.title}」を承認`}
                >
                  承認
                </button>
                <label htmlFor={`reason-${row.id}`}>却下の理由</label>
                <select
                  id={`reason-${row.id}`}
                  value={rowReasons[String(row.id)] ?? ''}
                  aria-invalid={rowProblem?.id === String(row.id) || undefined}
                  aria-describedby={
                    rowProblem?.id === String(row.id) ? `reason-problem-${row.id}` : undefined
                  }
                  onChange={(e) => {
                    const value = e.target.value
                    setRowReasons((all) => ({ ...all, [String(row.id)]: value }))
                    setRowProblem(null)
                  }}
                >
                  <ReasonOptions />
                </select>
                {rowReasons[String(row.id)] === 'other' ? (
                  <>
                    <label htmlFor={`note-${row.id}`}>理由(必須)</label>
                    <input
                      id={`note-${row.id}`}
                      value={rowNotes[String(row.id)] ?? ''}
                      maxLength={500}
                      onChange={(e) => {
                        const value = e.target.value
                        setRowNotes((all) => ({ ...all, [String(row.id)]: value }))
                      }}
                    />
                  </>
                ) : null}
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => rejectRow(row)}
                  aria-label={`「${row.title}」を却下`}
                >
                  却下
                </button>
                {rowProblem?.id === String(row.id) ? (
                  <p id={`reason-problem-${row.id}`} role="alert" className="review-queue__error">
                    {rowProblem.text}
                  </p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
