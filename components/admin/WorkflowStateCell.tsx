import { isWorkflowState, STATE_LABELS } from '@/lib/workflow'

/** The workflow state as a coloured badge in the articles list. */
export function WorkflowStateCell({ cellData }: { cellData?: unknown }) {
  if (!isWorkflowState(cellData)) return <span>—</span>
  return (
    <span className={`workflow-badge workflow-badge--${cellData}`}>{STATE_LABELS[cellData]}</span>
  )
}
