import { OUTDATED_FACT_NOTE } from '@/lib/facts'
import { formatAsOfJa } from '@/lib/i18n'

/** A fact's as-of month, and the out-of-date note when it is past the site's limit. */
export function FactAsOf({ asOf, outdated }: { asOf: string; outdated: boolean }) {
  return (
    <>
      <span className="ml-1 text-xs text-slate-600">({formatAsOfJa(asOf)})</span>
      {outdated ? (
        <span
          className="mt-1 block w-fit rounded bg-amber-100 px-1.5 py-0.5 text-xs font-bold text-amber-900"
          data-testid="fact-outdated"
        >
          {OUTDATED_FACT_NOTE}
        </span>
      ) : null}
    </>
  )
}
