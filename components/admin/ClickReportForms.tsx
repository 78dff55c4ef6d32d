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

/** What a report's numbers say, in one line. */
const summaryOf = (report: Report, stored: boolean) =>
  `${report.rows}行を読みました: ${stored ? '' : 'このまま取り込むと '}追加 ${report.added}件・更新 ${report.updated}件・変更なし ${report.unchanged}件${report.unmatched ? `(うちクリックと結びつかない成果 ${report.unmatched}件)` : ''}${report.errors.length ? `・取り込めない行 ${report.errors.length}件` : ''}`

/**
 * The ASP results CSV upload in two steps: the file is first read without storing anything, and
 * the marketer sees what it would add, change and refuse (each refused line with its reason);
 * 「この内容で取り込む」 then stores it, and the report above reads itself again.
 */
export function ResultsImportForm({ asps }: { asps: { value: string; label: string }[] }) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [preview, setPreview] = useState<{ report: Report; form: FormData } | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function send(form: FormData, dryRun: boolean): Promise<Report | null> {
    const body = new FormData()
    for (const [name, value] of form) if (name !== 'dryRun') body.append(name, value)
    if (dryRun) body.append('dryRun', '1')
    const res = await fetch('/api/asp-results/import', {
      method: 'POST',
      body,
      credentials: 'include',
    })
    if (!res.ok) {
      setError(await errorOf(res))
      return null
    }
    return (await res.json()) as Report
  }

  async function run(step: () => Promise<void>) {
    setBusy(true)
    setError(null)
    try {
      await step()
    } catch {
      setError('通信に失敗しました。もう一度お試しください。')
    } finally {
      setBusy(false)
    }
  }

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setReport(null)
    setPreview(null)
    void run(async () => {
      const found = await send(form, true)
      if (found) setPreview({ report: found, form })
    })
  }

  function confirm() {
    if (!preview) return
    void run(async () => {
      const stored = await send(preview.form, false)
      if (!stored) return
      setPreview(null)
      setReport(stored)
      // the report above is the server's: read again, so the new results are in its figures
      if (stored.added || stored.updated) router.refresh()
    })
  }

  const shown = preview?.report ?? report
  return (
    <form onSubmit={check} className="click-report__form" aria-describedby="import-result">
      <label>
        ASP
        <select name="asp" required defaultValue="" onChange={() => setPreview(null)}>
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
        <input
          type="file"
          name="file"
          accept=".csv,text/csv"
          required
          onChange={() => setPreview(null)}
        />
      </label>
      <button type="submit" className="btn btn--style-primary btn--size-small" disabled={busy}>
        {busy && !preview ? '確認中…' : '内容を確認する'}
      </button>
      <div id="import-result" aria-live="polite">
        {error ? <p role="alert">{error}</p> : null}
        {shown ? (
          <>
            <p className={preview ? 'click-report__preview' : 'click-report__ok'}>
              {preview ? 'まだ取り込んでいません。' : '取り込みました。'}
              {summaryOf(shown, !preview)}
            </p>
            {shown.errors.length ? (
              <ul className="click-report__errors">
                {shown.errors.map((e) => (
                  <li key={`${e.line}-${e.message}`}>
                    {e.line ? `${e.line}行目: ` : ''}
                    {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
            {preview ? (
              <p>
                <button
                  type="button"
                  className="btn btn--style-primary btn--size-small"
                  onClick={confirm}
                  disabled={busy || !(preview.report.added || preview.report.updated)}
                >
                  {busy ? '取り込み中…' : 'この内容で取り込む'}
                </button>{' '}
                <button
                  type="button"
                  className="btn btn--style-secondary btn--size-small"
                  onClick={() => setPreview(null)}
                  disabled={busy}
                >
                  やめる
                </button>
              </p>
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
