import type { UIFieldServerProps } from 'payload'

import { linkState, type LinkStateInput } from '@/lib/linkState'

/** The link list's 状態 column: what the link does now (期限切れ once its schedule has ended). */
export function LinkStatusCell({ rowData }: { cellData?: unknown; rowData?: LinkStateInput }) {
  const state = linkState(rowData ?? {})
  return <span className={`link-state link-state--${state.tone}`}>{state.label}</span>
}

/** The same on the link's page, beside the stored status. */
export function LinkStateNote({ data }: UIFieldServerProps) {
  if (!data?.status) return null
  const state = linkState(data as LinkStateInput)
  return (
    <p className={`link-state-note link-state--${state.tone}`}>
      現在の状態: <strong>{state.label}</strong>
    </p>
  )
}
