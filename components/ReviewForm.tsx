'use client'

import Link from 'next/link'
import { useActionState, useEffect, useId, useRef, type ReactNode } from 'react'

import type { ReviewFormState } from '@/app/(site)/agents/[slug]/review/actions'
import {
  BODY_MAX,
  BODY_MIN,
  FIRST_USE_YEAR,
  HONEYPOT_FIELD,
  SUB_RATING_KEYS,
  TITLE_MAX,
  PEN_NAME_MAX,
  ANONYMOUS_REVIEWER,
  OWN_REVIEWS_PATH,
  TITLE_MIN,
  subRatingField,
  type ReviewFormField,
} from '@/lib/reviewForm'
import {
  AGE_BANDS,
  EXPERIENCE_YEARS,
  GENDERS,
  INDUSTRIES,
  SUB_RATINGS,
  USAGE,
} from '@/lib/taxonomy'

type Props = {
  agentName: string
  agentPath: string
  action: (state: ReviewFormState, form: FormData) => Promise<ReviewFormState>
  /** the year the page was rendered in Japan (the newest 利用時期 offered) */
  thisYear: number
  /**
   * The address of the page the form is on: without JavaScript the post goes there with the
   * form's anchor (#review-form), so the answer is in view, not six screens down
   */
  pagePath: string
  /**
   * Shown folded behind 「口コミを書く」 with this note (on the agent page); it opens by itself
   * once the reader has sent it, so errors and the answer are never hidden.
   */
  collapsed?: ReactNode
}

const control =
  'mt-1 block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 text-base aria-[invalid=true]:border-red-700'
const RATING_WORDS = ['', 'とても不満', '不満', 'ふつう', '満足', 'とても満足']

/**
 * The readers' review form. A server action does the work, so it is a plain form post without
 * JavaScript; errors come back beside each field with everything the reader typed.
 */
export const REVIEW_FORM_ANCHOR = 'review-form'

export function ReviewForm(props: Props) {
  const [state, formAction, pending] = useActionState(
    props.action,
    { status: 'idle' },
    `${props.pagePath}#${REVIEW_FORM_ANCHOR}`,
  )
  const body = <ReviewFormBody {...props} state={state} formAction={formAction} pending={pending} />
  if (!props.collapsed) return <div id={REVIEW_FORM_ANCHOR}>{body}</div>
  return (
    <details
      id={REVIEW_FORM_ANCHOR}
      className="scroll-mt-4 rounded-xl border border-slate-300 p-4"
      open={state.status !== 'idle'}
    >
      <summary className="flex min-h-11 cursor-pointer items-center font-bold text-brand-700">
        {props.agentName}の口コミを書く
      </summary>
      <p className="mt-3 text-sm leading-relaxed text-slate-700">{props.collapsed}</p>
      <div className="mt-4">{body}</div>
    </details>
  )
}

function ReviewFormBody({
  agentName,
  agentPath,
  thisYear,
  state,
  formAction,
  pending,
}: Props & { state: ReviewFormState; formAction: (form: FormData) => void; pending: boolean }) {
  const id = useId()
  // The answer (the error summary or the thank-you box) is where the reader's eyes and focus
  // go after sending: the button they pressed is far below the summary, and React replaces the
  // form in place, which would leave focus on <body>.
  const answer = useRef<HTMLElement | null>(null)
  useEffect(() => {
    if (state.status === 'idle' || !answer.current) return
    answer.current.focus({ preventScroll: true })
    answer.current.scrollIntoView({ block: 'start' })
  }, [state])

  if (state.status === 'received') {
    return (
      <section
        ref={answer}
        tabIndex={-1}
        className="scroll-mt-4 rounded-xl border border-emerald-700 bg-emerald-50 p-5"
        aria-labelledby={`${id}-done`}
        role="status"
      >
        <h2 id={`${id}-done`} className="text-lg font-bold">
          口コミを受け付けました。審査後に掲載されます。
        </h2>
        <p className="mt-3 leading-relaxed">
          ご投稿ありがとうございます。編集部が
          <Link href="/review-guidelines" className="underline">
            投稿ガイドライン
          </Link>
          に沿って内容を確認し、問題がなければ{agentName}
          のページに掲載します。評価の高い・低いで掲載を判断することはありません。
        </p>
        <p className="mt-2 leading-relaxed">
          掲載までは通常数日かかります。審査の結果は、このブラウザの
          <Link href={OWN_REVIEWS_PATH} className="underline">
            投稿した口コミ
          </Link>
          のページで確認でき、そこから取り下げることもできます。
        </p>
        <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
          <Link href={agentPath} className="font-bold text-brand-700 underline">
            {agentName}のページへ戻る
          </Link>
          <Link href={OWN_REVIEWS_PATH} className="font-bold text-brand-700 underline">
            投稿した口コミを見る
          </Link>
        </p>
      </section>
    )
  }

  const errors = state.status === 'invalid' ? state.errors : {}
  const input = state.status === 'invalid' ? state.input : {}
  // a new set of defaults after each answer: React keeps uncontrolled fields otherwise
  const version = state.status === 'invalid' ? JSON.stringify(input).length : 0
  const errorId = (field: ReviewFormField) => `${id}-${field}-error`
  const described = (field: ReviewFormField, hint?: string) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby':
      [hint, errors[field] ? errorId(field) : undefined].filter(Boolean).join(' ') || undefined,
  })
  const ErrorText = ({ field }: { field: ReviewFormField }) =>
    errors[field] ? (
      <p id={errorId(field)} className="mt-1 text-sm font-bold text-red-700">
        {errors[field]}
      </p>
    ) : null
  const count = Object.keys(errors).length

  const select = (
    field: ReviewFormField,
    label: string,
    options: Record<string, string>,
    first?: [string, string],
  ) => (
    <div>
      <label htmlFor={`${id}-${field}`} className="text-sm font-bold">
        {label}
      </label>
      <select
        id={`${id}-${field}`}
        name={field}
        defaultValue={input[field] ?? first?.[0] ?? 'no_answer'}
        className={control}
        {...described(field)}
      >
        {first ? <option value={first[0]}>{first[1]}</option> : null}
        {Object.entries(options).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <ErrorText field={field} />
    </div>
  )

  const years = Array.from({ length: thisYear - FIRST_USE_YEAR + 1 }, (_, i) => thisYear - i)

  return (
    <form
      action={formAction}
      key={version}
      className="space-y-6"
      noValidate
      aria-label={`${agentName}の口コミ投稿フォーム`}
    >
      {count > 0 ? (
        <div
          ref={(node) => {
            answer.current = node
          }}
          tabIndex={-1}
          role="alert"
          className="scroll-mt-4 rounded-lg border border-red-700 bg-red-50 p-4"
        >
          <p className="font-bold text-red-800">
            {errors.form ?? `入力内容に${count}件の問題があります。各項目の説明をご確認ください。`}
          </p>
          {errors.form && count > 1 ? (
            <p className="mt-1 text-sm">入力内容もあわせてご確認ください。</p>
          ) : null}
        </div>
      ) : null}

      <fieldset {...described('rating')}>
        <legend className="font-bold">
          総合評価 <span className="text-sm text-red-700">(必須)</span>
        </legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {[5, 4, 3, 2, 1].map((n) => (
            <label
              key={n}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-400 px-3 has-checked:border-brand-700 has-checked:bg-brand-50"
            >
              <input
                type="radio"
                name="rating"
                value={n}
                defaultChecked={input.rating === String(n)}
                className="h-5 w-5"
              />
              <span>
                <span aria-hidden="true" className="text-amber-600">
                  {'★'.repeat(n)}
                </span>
                <span className="ml-1 text-sm">
                  {n}({RATING_WORDS[n]})
                </span>
              </span>
            </label>
          ))}
        </div>
        <ErrorText field="rating" />
      </fieldset>

      <fieldset>
        <legend className="font-bold">項目別の評価(任意)</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {SUB_RATING_KEYS.map((key) =>
            select(
              subRatingField(key),
              SUB_RATINGS[key],
              { '5': '5(とても満足)', '4': '4', '3': '3', '2': '2', '1': '1(とても不満)' },
              ['', '未回答'],
            ),
          )}
        </div>
      </fieldset>

      <div>
        <label htmlFor={`${id}-title`} className="font-bold">
          タイトル <span className="text-sm text-red-700">(必須)</span>
        </label>
        <p id={`${id}-title-hint`} className="text-sm text-slate-700">
          {TITLE_MIN}〜{TITLE_MAX}文字。体験がひと目で伝わる一文にしてください。
        </p>
        <input
          id={`${id}-title`}
          name="title"
          type="text"
          defaultValue={input.title ?? ''}
          className={control}
          autoComplete="off"
          {...described('title', `${id}-title-hint`)}
        />
        <ErrorText field="title" />
      </div>

      <div>
        <label htmlFor={`${id}-body`} className="font-bold">
          口コミ本文 <span className="text-sm text-red-700">(必須)</span>
        </label>
        <p id={`${id}-body-hint`} className="text-sm text-slate-700">
          {BODY_MIN}〜{BODY_MAX.toLocaleString('ja-JP')}
          文字。良かった点・気になった点を、ご自身の体験にもとづいて具体的に書いてください。URL・メールアドレス・電話番号は書けません。
        </p>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={8}
          defaultValue={input.body ?? ''}
          className={`${control} py-2 leading-relaxed`}
          {...described('body', `${id}-body-hint`)}
        />
        <ErrorText field="body" />
      </div>

      <div>
        <label htmlFor={`${id}-penName`} className="font-bold">
          ペンネーム <span className="text-sm text-slate-700">(任意)</span>
        </label>
        <p id={`${id}-penName-hint`} className="text-sm text-slate-700">
          {PEN_NAME_MAX}
          文字以内。口コミに表示されます。本名や連絡先は書かないでください。空欄なら「
          {ANONYMOUS_REVIEWER}」と表示します。
        </p>
        <input
          id={`${id}-penName`}
          name="penName"
          type="text"
          defaultValue={input.penName ?? ''}
          className={control}
          autoComplete="nickname"
          {...described('penName', `${id}-penName-hint`)}
        />
        <ErrorText field="penName" />
      </div>

      <fieldset>
        <legend className="font-bold">あなたについて(掲載時に表示されます)</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {select('ageBand', '年代', AGE_BANDS)}
          {select('gender', '性別', GENDERS)}
          {select('industry', '業界', INDUSTRIES)}
          {select('experienceYears', '経験年数', EXPERIENCE_YEARS)}
        </div>
      </fieldset>

      <fieldset {...described('usedYear')}>
        <legend className="font-bold">
          利用時期 <span className="text-sm text-red-700">(必須)</span>
        </legend>
        <div className="mt-2 grid grid-cols-2 gap-3">
          <div>
            <label htmlFor={`${id}-usedYear`} className="text-sm font-bold">
              年
            </label>
            <select
              id={`${id}-usedYear`}
              name="usedYear"
              defaultValue={input.usedYear ?? ''}
              className={control}
              aria-invalid={errors.usedYear ? true : undefined}
            >
              <option value="">選択</option>
              {years.map((year) => (
                <option key={year} value={year}>
                  {year}年
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-usedMonth`} className="text-sm font-bold">
              月
            </label>
            <select
              id={`${id}-usedMonth`}
              name="usedMonth"
              defaultValue={input.usedMonth ?? ''}
              className={control}
              aria-invalid={errors.usedYear ? true : undefined}
            >
              <option value="">選択</option>
              {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
                <option key={month} value={month}>
                  {month}月
                </option>
              ))}
            </select>
          </div>
        </div>
        <ErrorText field="usedYear" />
      </fieldset>

      <fieldset {...described('usage')}>
        <legend className="font-bold">
          利用結果 <span className="text-sm text-red-700">(必須)</span>
        </legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {Object.entries(USAGE).map(([value, text]) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="usage"
                value={value}
                defaultChecked={input.usage === value}
                className="h-5 w-5"
              />
              {text}
            </label>
          ))}
        </div>
        <ErrorText field="usage" />
      </fieldset>

      <fieldset {...described('rewarded')}>
        <legend className="font-bold">
          この口コミで謝礼・特典を受け取りましたか{' '}
          <span className="text-sm text-red-700">(必須)</span>
        </legend>
        <p className="text-sm text-slate-700">
          「はい」の口コミも評価にかかわらず掲載し、「謝礼あり」と表示します。
        </p>
        <div className="mt-2 flex gap-6">
          {[
            ['no', 'いいえ'],
            ['yes', 'はい'],
          ].map(([value, text]) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="rewarded"
                value={value}
                defaultChecked={input.rewarded === value}
                className="h-5 w-5"
              />
              {text}
            </label>
          ))}
        </div>
        <ErrorText field="rewarded" />
      </fieldset>

      {/* the honeypot: off screen and out of the tab order; people never fill it */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label>
          ウェブサイト(入力しないでください)
          <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" />
        </label>
      </div>

      <div>
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="checkbox"
            name="agree"
            defaultChecked={input.agree === 'on'}
            className="h-5 w-5"
            {...described('agree')}
          />
          <span>
            <Link href="/review-guidelines" className="underline" target="_blank">
              口コミ投稿ガイドライン
            </Link>
            に同意する <span className="text-sm text-red-700">(必須)</span>
          </span>
        </label>
        <ErrorText field="agree" />
      </div>

      <button
        type="submit"
        disabled={pending}
        className="min-h-12 w-full rounded-lg bg-brand-700 px-6 font-bold text-white hover:bg-brand-900 disabled:opacity-60 sm:w-auto"
      >
        {pending ? '送信しています…' : '口コミを投稿する'}
      </button>
    </form>
  )
}
