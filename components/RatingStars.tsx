type Props = { value: number; size?: 'sm' | 'md' | 'lg' }

const sizes = { sm: 'text-sm', md: 'text-base', lg: 'text-2xl' }

/**
 * Five stars filled to the rating, read out as 「5点中4.2点」. Both colours keep 3:1 against
 * white (WCAG 1.4.11): empty slate-500 4.8:1, filled amber-600 3.2:1.
 */
export function RatingStars({ value, size = 'md' }: Props) {
  const clamped = Math.max(0, Math.min(5, value))
  const percent = (clamped / 5) * 100
  return (
    <span
      role="img"
      aria-label={`5点中${clamped.toFixed(1)}点`}
      className={`relative inline-block leading-none whitespace-nowrap ${sizes[size]}`}
    >
      <span aria-hidden="true" className="text-slate-500">
        ★★★★★
      </span>
      <span
        aria-hidden="true"
        className="absolute inset-y-0 left-0 overflow-hidden whitespace-nowrap text-amber-600"
        style={{ width: `${percent}%` }}
      >
        ★★★★★
      </span>
    </span>
  )
}
