/** The PR state in the articles list: a badge on promotional articles, a dash elsewhere. */
export function PromotionalCell({ cellData }: { cellData?: unknown }) {
  return cellData ? (
    <span className="workflow-badge pr-badge">PR</span>
  ) : (
    <span aria-label="PRなし">—</span>
  )
}
