import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { isEditorOrMarketer } from '@/access/isEditorOrMarketer'
import { nobody } from '@/access/nobody'
import { importResults } from '@/endpoints/clickEndpoints'
import { l } from '@/lib/i18n'
import { ASPS, ASP_RESULT_STATUS, toOptions } from '@/lib/taxonomy'

/**
 * One row of an ASP's results CSV (成果), imported by a marketer (lib/aspResults.ts) and
 * joined to its click through the sub-ID, so the click report can show conversions, approval
 * rate, reward and EPC per link, page and slot. `rowKey` makes a re-upload change nothing.
 */
export const AspResults: CollectionConfig = {
  slug: 'asp-results',
  labels: { singular: l('ASP成果', 'ASP result'), plural: l('ASP成果', 'ASP results') },
  admin: {
    group: l('収益', 'Revenue'),
    defaultColumns: ['asp', 'occurredOn', 'status', 'reward', 'link', 'placement'],
  },
  access: { read: isEditorOrMarketer, create: nobody, update: nobody, delete: isAdmin },
  timestamps: true,
  endpoints: [importResults],
  fields: [
    { name: 'rowKey', type: 'text', required: true, unique: true, admin: { hidden: true } },
    {
      name: 'asp',
      type: 'select',
      label: l('ASP', 'ASP'),
      required: true,
      options: toOptions(ASPS),
    },
    { name: 'occurredOn', type: 'text', label: l('発生日', 'Date'), required: true, index: true },
    {
      name: 'status',
      type: 'select',
      label: l('状態', 'Status'),
      required: true,
      options: toOptions(ASP_RESULT_STATUS),
    },
    { name: 'reward', type: 'number', label: l('報酬額(円)', 'Reward (JPY)'), required: true },
    { name: 'subId', type: 'text', label: l('サブID', 'Sub-ID'), index: true },
    { name: 'orderId', type: 'text', label: l('成果ID', 'Order id') },
    { name: 'program', type: 'text', label: l('プログラム', 'Program') },
    {
      name: 'link',
      type: 'relationship',
      relationTo: 'affiliate-links',
      label: l('リンク', 'Link'),
      index: true,
    },
    {
      // what the sub-ID joined it to: a reader's click, a bot's, or none. EPC counts a reader's
      // only; the report shows the other two as lines of their own (lib/clicks/report.ts).
      // Empty on results imported before: read as a reader's when a link was found, else none.
      name: 'matchedClick',
      type: 'select',
      label: l('紐づいたクリック', 'Matched click'),
      options: [
        { value: 'human', label: l('読者のクリック', 'Reader') },
        { value: 'bot', label: l('ボットのクリック', 'Bot') },
        { value: 'none', label: l('クリックなし', 'None') },
      ],
    },
    { name: 'article', type: 'relationship', relationTo: 'articles', label: l('記事', 'Article') },
    { name: 'placement', type: 'text', label: l('掲載ページ', 'Page') },
    { name: 'slot', type: 'text', label: l('設置場所', 'Slot') },
    { name: 'fileName', type: 'text', label: l('取り込んだファイル', 'File') },
    { name: 'line', type: 'number', label: l('行', 'Line') },
  ],
}
