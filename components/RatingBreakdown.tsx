import type { Average, ReviewAggregates, SegmentField } from '@/lib/reviewAggregates'
import { own } from '@/lib/own'
import { AGE_BANDS, EXPERIENCE_YEARS, INDUSTRIES, SUB_RATINGS } from '@/lib/taxonomy'

type Details = Partial<Pick<ReviewAggregates, 'subRatings' | 'bySegment'>> | null | undefined

/** A segment is shown only when at least this many reviews share it (no one is singled out). */
export const MIN_SEGMENT_REVIEWS = 3

const SEGMENTS: { field: SegmentField; label: string; names: Record<string, string> }[] = [
  { field: 'ageBand', label: '年代別', names: AGE_BANDS },
  { field: 'industry', label: '業界別', names: INDUSTRIES },
  { field: 'experienceYears', label: '経験年数別', names: EXPERIENCE_YEARS },
]

// The same floor for an item's average as for a reader segment's: one or two reviews are one
// or two people's opinions, not an average.
export const shownAverage = (average: Average | undefined): average is Average =>
  Boolean(average && average.count >= MIN_SEGMENT_REVIEWS)

/**
 * An agent's ratings by item (the four sub-ratings) and by reader (age band, industry,
 * experience), from the figures stored on the agent.
 */
export function RatingBreakdown({ details }: { details: Details }) {
  const items = Object.entries(SUB_RATINGS).flatMap(([key, label]) => {
    const average = own<Average>(details?.subRatings ?? {}, key)
    return shownAverage(average) ? [{ label, ...average }] : []
  })
  const segments = SEGMENTS.map(({ field, label, names }) => ({
    label,
    // in the taxonomy's order (20代 before 30代), whatever order the database kept the keys in
    rows: Object.entries(names).flatMap(([key, name]) => {
      const average = own<Average>(details?.bySegment?.[field] ?? {}, key)
      return shownAverage(average) ? [{ name, ...average }] : []
    }),
  })).filter((segment) => segment.rows.length > 0)
  if (items.length === 0 && segments.length === 0) return null
  return (
    <div className="mt-4 grid gap-4 sm:grid-cols-2">
      {items.length ? (
        <section className="text-sm" aria-labelledby="rating-items">
          <h3 id="rating-items" className="font-bold">
            項目別の評価
          </h3>
          <dl>
            {items.map(({ label, average, count }) => (
              <div key={label} className="mt-1 flex justify-between gap-2">
                <dt>{label}</dt>
                <dd>
                  <span className="font-bold">{average.toFixed(1)}</span>
                  <span className="ml-1 text-xs text-slate-600">({count}件)</span>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {segments.map(({ label, rows }) => (
        <section key={label} className="text-sm" aria-label={`${label}の平均評価`}>
          <h3 className="font-bold">{label}の平均評価</h3>
          <dl>
            {rows.map(({ name, average, count }) => (
              <div key={name} className="mt-1 flex justify-between gap-2">
                <dt>{name}</dt>
                <dd>
                  <span className="font-bold">{average.toFixed(1)}</span>
                  <span className="ml-1 text-xs text-slate-600">({count}件)</span>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  )
}
