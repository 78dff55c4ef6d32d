/** What the privacy rule changed, in the reader's words; nothing when it changed nothing. */
function privacyNote(coarsened: boolean, withheld: boolean): string | null {
  if (coarsened && withheld) return '特定を避けるため、属性の一部をまとめ、一部を伏せて表示'
  if (coarsened) return '特定を避けるため、属性の一部をまとめて表示'
  if (withheld) return '特定を避けるため、属性の一部を伏せて表示'
  return null
}

/**
 * A review's attribute chips (「30代女性」「IT・通信」「実務経験1~3年」) as the privacy rule
 * allows them (lib/reviewPrivacy.ts), with a note only where an answer was shown coarser or
 * left out, saying which.
 */
export function ReviewChips({
  chips,
  coarsened = false,
  withheld = false,
}: {
  chips: string[]
  coarsened?: boolean
  withheld?: boolean
}) {
  const note = privacyNote(coarsened, withheld)
  if (!chips.length && !note) return null
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="投稿者の属性">
      {chips.map((chip) => (
        <li key={chip} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs text-slate-700">
          {chip}
        </li>
      ))}
      {note ? (
        <li className="px-1 py-0.5 text-xs text-slate-600" data-testid="privacy-note">
          ({note})
        </li>
      ) : null}
    </ul>
  )
}
