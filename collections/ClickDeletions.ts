import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { JA_DATE_TIME, l } from '@/lib/i18n'

/** The log of every deletion of clicks: by whom (or the retention job), which dates, how many. */
export const ClickDeletions: CollectionConfig = {
  slug: 'click-deletions',
  labels: {
    singular: l('クリック削除の記録', 'Click deletion'),
    plural: l('クリック削除の記録', 'Click deletions'),
  },
  admin: {
    group: l('収益', 'Revenue'),
    defaultColumns: ['reason', 'from', 'before', 'deleted', 'by', 'createdAt'],
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  timestamps: true,
  fields: [
    {
      name: 'reason',
      type: 'select',
      label: l('理由', 'Reason'),
      required: true,
      options: [
        { value: 'retention', label: l('保存期間の経過', 'Retention') },
        { value: 'admin', label: l('管理者による削除', 'By an admin') },
      ],
    },
    { name: 'from', type: 'date', label: l('対象の開始', 'From'), admin: { date: JA_DATE_TIME } },
    {
      name: 'before',
      type: 'date',
      label: l('対象の終了(この日時より前)', 'Before'),
      required: true,
      admin: { date: JA_DATE_TIME },
    },
    { name: 'deleted', type: 'number', label: l('削除件数', 'Deleted'), required: true },
    { name: 'by', type: 'relationship', relationTo: 'users', label: l('実行者', 'By') },
  ],
}
