import { reviewChips } from '@/lib/taxonomy'

type Props = Parameters<typeof reviewChips>[0]

/** 「20代男性・IT・メディア・実務経験1~3年」 as small chips. */
export function ReviewChips(review: Props) {
  const chips = reviewChips(review)
  if (!chips.length) return null
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="投稿者の属性">
      {chips.map((chip) => (
        <li key={chip} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs text-slate-700">
          {chip}
        </li>
      ))}
    </ul>
  )
}
