'use client'

import { DefaultCell } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'

/**
 * Who made a workflow move, in the history table: the person's name as Payload shows any
 * relationship, or 「自動(予約公開など)」 for a move the site made itself (the scheduled
 * publishing job, the seed), which has no person, instead of 「<No 操作した人>」.
 */
export function TransitionByCell(props: DefaultCellComponentProps) {
  if (props.cellData === null || props.cellData === undefined || props.cellData === '') {
    return <span>自動(予約公開など)</span>
  }
  return <DefaultCell {...props} />
}
