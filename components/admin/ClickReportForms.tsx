'use client'

import { useRouter } from 'next/navigation'
import { useState, type FormEvent } from 'react'

type Report = {
  rows: number
  added: number
  updated: number
  unchanged: number
  unmatched: number
  errors: { line: number; message: string }[]
}

const errorOf = async (res: Response) => {
  const body = (await res.json().catch(() => null)) as { errors?: { message?: string }[] } | null
  return body?.errors?.[0]?.message ?? `送信できませんでした(${res.status})`
}

/** The ASP results CSV upload, with what was stored and every refused line. */
export function ResultsImportForm({ asps }: { asps: { value: string; label: string }[] }) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState<string | null>(null)
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setReport(null)
    try {
      const res = await fetch('/api/asp-results/import', {
        method: 'POST',
        body: new FormData(event.currentTarget),
        credentials: 'include',
      })
      if (!res.ok) setError(await errorOf(res))
      else {
        const stored = (await res.json()) as Report
        setReport(stored)
        // the report above is the server's: read again, so the new results are in its figures
        if (stored.added || stored.updated) router.refresh()
      }
    } catch {
      setError('通信に失敗しました。もう一度お試しください。')
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={submit} className="click-report__form" aria-describedby="import-result">
      <label>
        ASP
        <select name="asp" required defaultValue="">
          <option value="" disabled>
            選んでください
          </option>
          {asps.map((asp) => (
            <option key={asp.value} value={asp.value}>
              {asp.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        成果CSV
        <input type="file" name="file" accept=".csv,text/csv" required />
      </label>
      <button type="submit" className="btn btn--style-primary btn--size-small" disabled={busy}>
        {busy ? '取り込み中…' : '取り込む'}
      </button>
      <div id="import-result" aria-live="polite">
        {error ? <p role="alert">{error}</p> : null}
        {report ? (
          <>
            <p className="click-report__ok">
              {report.rows}行を読みました: 追加 {report.added}件・更新 {report.updated}件・変更なし{' '}
              {report.unchanged}件
              {report.unmatched ? `(うちクリックと結びつかない成果 ${report.unmatched}件)` : ''}
              {report.errors.length ? `・取り込めなかった行 ${report.errors.length}件` : ''}
            </p>
            {report.errors.length ? (
              <ul className="click-report__errors">
                {report.errors.map((e) => (
                  <li key={`${e.line}-${e.message}`}>
                    {e.line ? `${e.line}行目: ` : ''}
                    {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </form>
  )
}

/** An admin's deletion of clicks by date range. */
export function ClickDeletionForm() {
  const router = useRouter()
  const [message, setMessage] = useState<string | null>(null)
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const from = String(form.get('from') ?? '')
    const before = String(form.get('before') ?? '')
    if (
      !window.confirm(
        `${from || '最初'}から${before}の前日までのクリック記録を削除します。元に戻せません。よろしいですか?`,
      )
    )
      return
    const res = await fetch('/api/clicks/delete-range', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from, before }),
      credentials: 'include',
    })
    setMessage(
      res.ok
        ? `${((await res.json()) as { deleted: number }).deleted}件を削除しました。`
        : await errorOf(res),
    )
    if (res.ok) router.refresh()
  }
  return (
    <form onSubmit={submit} className="click-report__form">
      <label>
        開始日(空欄なら最初から)
        <input type="date" name="from" />
      </label>
      <label>
        この日より前まで
        <input type="date" name="before" required />
      </label>
      <button type="submit" className="btn btn--style-secondary btn--size-small">
        削除する
      </button>
      {message ? <p role="status">{message}</p> : null}
    </form>
  )
}
