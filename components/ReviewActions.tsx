'use client'

import { useActionState, useId } from 'react'

import type { ReportState, VoteState } from '@/app/(site)/reviews/actions'
import { REPORT_REASONS } from '@/lib/taxonomy'

type Props = {
  /** where a post without JavaScript lands: the page the review is on, at the review */
  permalink: string
  helpfulCount: number
  vote: (state: VoteState) => Promise<VoteState>
  report: (state: ReportState, form: FormData) => Promise<ReportState>
}

const button =
  'inline-flex min-h-11 items-center gap-1 rounded-full border border-slate-400 bg-white px-4 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-60'

/**
 * Under each published review: 「参考になった」 (one vote per reader) and 「通報する」 (to the
 * moderators; the review stays up until they decide). Both are plain forms that work without
 * JavaScript.
 */
export function ReviewActions({ permalink, helpfulCount, vote, report }: Props) {
  // the permalink is also the forms' action attribute (React writes an empty one otherwise,
  // which HTML does not allow)
  const [voteState, voteAction, voting] = useActionState(vote, { status: 'idle' }, permalink)
  const [reportState, reportAction, reporting] = useActionState(
    report,
    { status: 'idle' },
    permalink,
  )
  const id = useId()
  // the count the vote answered with (the page's own may still be the cached one)
  const count =
    voteState.status === 'counted' || voteState.status === 'already'
      ? Math.max(voteState.count, helpfulCount)
      : helpfulCount
  const input = reportState.status === 'invalid' ? reportState.input : {}
  const errors = reportState.status === 'invalid' ? reportState.errors : {}

  return (
    <div className="mt-3 flex flex-wrap items-start gap-x-4 gap-y-2 text-sm">
      <form action={voteAction}>
        <button
          type="submit"
          className={button}
          disabled={voting || voteState.status === 'counted' || voteState.status === 'already'}
          aria-describedby={`${id}-vote`}
        >
          参考になった
          <span className="font-bold" data-testid="helpful-count">
            {count}
          </span>
        </button>
        <span id={`${id}-vote`} aria-live="polite" className="ml-2 text-slate-700">
          {voteState.status === 'counted'
            ? 'ありがとうございます。投票しました。'
            : voteState.status === 'already'
              ? 'この口コミにはすでに投票しています。'
              : voteState.status === 'refused'
                ? voteState.message
                : ''}
        </span>
      </form>

      <details className="group min-w-0" open={reportState.status !== 'idle'}>
        <summary className="flex min-h-11 cursor-pointer items-center text-slate-700 underline">
          通報する
        </summary>
        {reportState.status === 'received' ? (
          <p role="status" className="mt-2 rounded-lg bg-slate-50 p-3">
            通報を受け付けました。編集部が投稿ガイドラインに沿って確認します。確認が終わるまで、口コミは掲載されたままです。
          </p>
        ) : (
          <form action={reportAction} className="mt-2 space-y-3 rounded-lg bg-slate-50 p-3">
            <p className="text-xs text-slate-700">この口コミを編集部に知らせます。</p>
            {errors.form ? (
              <p role="alert" className="font-bold text-red-800">
                {errors.form}
              </p>
            ) : null}
            <fieldset aria-describedby={errors.reason ? `${id}-reason-error` : undefined}>
              <legend className="font-bold">理由</legend>
              {Object.entries(REPORT_REASONS).map(([value, label]) => (
                <label key={value} className="flex min-h-11 items-center gap-2">
                  <input
                    type="radio"
                    name="reason"
                    value={value}
                    defaultChecked={input.reason === value}
                    required
                  />
                  {label}
                </label>
              ))}
              {errors.reason ? (
                <p id={`${id}-reason-error`} className="text-red-800">
                  {errors.reason}
                </p>
              ) : null}
            </fieldset>
            <div>
              <label htmlFor={`${id}-note`} className="font-bold">
                補足(任意・500文字まで。「その他」は必須)
              </label>
              {/* no maxLength: browsers count it in UTF-16 units (two for 😊) and would stop a
                  note the server accepts, which counts what readers see and says how many */}
              <textarea
                id={`${id}-note`}
                name="note"
                rows={3}
                defaultValue={input.note ?? ''}
                aria-invalid={errors.note ? true : undefined}
                aria-describedby={errors.note ? `${id}-note-error` : undefined}
                className="mt-1 block w-full rounded-md border border-slate-500 bg-white p-2 text-base"
              />
              {errors.note ? (
                <p id={`${id}-note-error`} className="text-red-800">
                  {errors.note}
                </p>
              ) : null}
            </div>
            <button type="submit" className={button} disabled={reporting}>
              {reporting ? '送信中…' : '通報を送る'}
            </button>
          </form>
        )}
      </details>
    </div>
  )
}
