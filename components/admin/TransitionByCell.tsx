'use client'

/**
 * Who made a workflow move, in the history tables: the person's name as it was then, or
 * 「自動(予約公開など)」 for a move the site made itself (the scheduled publishing job, the
 * seed), which has no person.
 */
export function TransitionByCell({ cellData }: { cellData?: unknown }) {
  return <span>{typeof cellData === 'string' && cellData ? cellData : '自動(予約公開など)'}</span>
}
