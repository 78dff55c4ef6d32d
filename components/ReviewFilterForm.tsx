import Link from 'next/link'

import {
  FILTER_PARAMS,
  REVIEW_SORTS,
  type ReviewFilters,
  type ReviewSort,
} from '@/lib/reviewFilters'
import { MAX_QUERY_LENGTH } from '@/lib/search'

type Props = { action: string; filters: ReviewFilters; sort: ReviewSort }

const selectClass =
  'mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-2 text-base'

/**
 * Filters and sort for an agent's reviews: a plain GET form, so the view lives in the URL. It
 * lands on the results (`#reviews`, kept by the browser across the page's redirect that drops
 * the empty choices), not at the top of the page.
 */
export function ReviewFilterForm({ action, filters, sort }: Props) {
  return (
    <form
      action={`${action}#reviews`}
      method="get"
      className="mt-4 rounded-lg border border-slate-200 bg-slate-50 p-4"
      aria-label="口コミの絞り込み"
    >
      <label className="block text-sm font-medium" htmlFor="review-q">
        キーワード
      </label>
      <input
        id="review-q"
        type="search"
        name="q"
        defaultValue={filters.q ?? ''}
        maxLength={MAX_QUERY_LENGTH}
        placeholder="例:面談 年収"
        aria-describedby="review-q-hint"
        className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base"
      />
      <p id="review-q-hint" className="mt-1 text-xs text-slate-600">
        口コミのタイトルと本文から探します。語はスペースで区切ると、すべてを含む口コミに絞れます。
      </p>
      <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
        {Object.entries(FILTER_PARAMS).map(([param, { field, label, options }]) => (
          <label key={param} className="text-sm font-medium">
            {label}
            <select
              name={param}
              defaultValue={filters[field as keyof ReviewFilters] ?? ''}
              className={selectClass}
            >
              <option value="">すべて</option>
              {Object.entries(options)
                .filter(([value]) => value !== 'no_answer')
                .map(([value, text]) => (
                  <option key={value} value={value}>
                    {text}
                  </option>
                ))}
            </select>
          </label>
        ))}
        <label className="text-sm font-medium">
          評価
          <select
            name="rating"
            defaultValue={filters.rating ? String(filters.rating) : ''}
            className={selectClass}
          >
            <option value="">すべて</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                ★{n}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          並び順
          <select name="sort" defaultValue={sort} className={selectClass}>
            {Object.entries(REVIEW_SORTS).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button
          type="submit"
          className="min-h-11 rounded-lg bg-brand-700 px-5 font-bold text-white hover:bg-brand-900"
        >
          この条件で表示
        </button>
        <Link
          href={`${action}#reviews`}
          className="inline-block py-1 text-sm text-brand-700 underline"
        >
          条件をクリア
        </Link>
      </div>
    </form>
  )
}
