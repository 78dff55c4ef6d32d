import type { Agent } from '@/payload-types'

type Props = { distribution: Agent['ratingDistribution']; total: number }

/** How many approved reviews gave each star, as bars with the counts written out. */
export function RatingDistribution({ distribution, total }: Props) {
  const rows = [5, 4, 3, 2, 1].map((stars) => {
    const count = distribution?.[`r${stars}` as 'r1'] ?? 0
    return { stars, count, percent: total ? Math.round((count / total) * 100) : 0 }
  })
  return (
    <ul className="mt-4 space-y-1.5 text-sm" aria-label="評価の分布">
      {rows.map(({ stars, count, percent }) => (
        <li key={stars} className="flex items-center gap-2">
          <span className="w-8 shrink-0">★{stars}</span>
          <span aria-hidden="true" className="h-3 flex-1 overflow-hidden rounded-full bg-slate-200">
            <span
              className="block h-full rounded-full bg-amber-500"
              style={{ width: `${percent}%` }}
            />
          </span>
          <span className="w-20 shrink-0 text-right text-slate-700">
            {count}件({percent}%)
          </span>
        </li>
      ))}
    </ul>
  )
}
