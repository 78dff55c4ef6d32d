/**
 * A review's attribute chips (「30代女性」「IT・通信」「実務経験1~3年」) as the privacy rule
 * allows them (lib/reviewPrivacy.ts), with a note when some were shown coarser or left out.
 */
export function ReviewChips({ chips, coarsened }: { chips: string[]; coarsened?: boolean }) {
  if (!chips.length && !coarsened) return null
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="投稿者の属性">
      {chips.map((chip) => (
        <li key={chip} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs text-slate-700">
          {chip}
        </li>
      ))}
      {coarsened ? (
        <li className="px-1 py-0.5 text-xs text-slate-600">
          (特定を避けるため属性の一部をまとめて表示)
        </li>
      ) : null}
    </ul>
  )
}
