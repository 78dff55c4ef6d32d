import type { CollectionConfig } from 'payload'

import { isEditorOrMarketer } from '@/access/isEditorOrMarketer'
import { nobody } from '@/access/nobody'
import { SLOTS } from '@/lib/clicks/placement'
import { deleteClickRange } from '@/endpoints/clickEndpoints'
import { l } from '@/lib/i18n'

/**
 * One click through /go/. Append-only for every role: written only by the click buffer
 * (lib/clicks/buffer.ts) and deleted only by date range, by the retention job or an admin
 * (lib/clicks/retention.ts), each deletion logged in click-deletions.
 */
export const Clicks: CollectionConfig = {
  slug: 'clicks',
  labels: { singular: l('クリック', 'Click'), plural: l('クリック', 'Clicks') },
  admin: {
    defaultColumns: ['link', 'placement', 'slot', 'deviceClass', 'isBot', 'createdAt'],
    group: l('収益', 'Revenue'),
  },
  access: {
    read: isEditorOrMarketer,
    // no API may forge, alter or pick out a click
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  timestamps: true,
  endpoints: [deleteClickRange],
  fields: [
    {
      // the id `{click}` puts into a sub-ID, so an ASP's result finds its click again
      name: 'clickId',
      type: 'text',
      label: l('クリックID', 'Click id'),
      index: true,
    },
    {
      name: 'link',
      type: 'relationship',
      relationTo: 'affiliate-links',
      label: l('リンク', 'Link'),
      required: true,
      index: true,
    },
    {
      name: 'placement',
      type: 'text',
      label: l('掲載ページ', 'Page'),
      maxLength: 200,
      index: true,
    },
    {
      name: 'slot',
      type: 'select',
      label: l('設置場所', 'Slot'),
      options: [
        ...Object.entries(SLOTS).map(([value, label]) => ({ value, label })),
        { value: 'unknown', label: '不明' },
      ],
    },
    {
      // the URL the reader was sent to (the destination chosen by rotation, or the fallback)
      name: 'destination',
      type: 'text',
      label: l('送り先', 'Destination'),
    },
    {
      name: 'subId',
      type: 'text',
      label: l('サブID', 'Sub-ID'),
      index: true,
    },
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      label: l('記事', 'Article'),
      index: true,
    },
    {
      // a keyed hash of address + user agent whose key changes daily (lib/clicks/classify.ts)
      name: 'visitorKey',
      type: 'text',
      label: l('訪問者キー(日ごと)', 'Visitor key (daily)'),
      index: true,
    },
    {
      name: 'deviceClass',
      type: 'select',
      label: l('端末', 'Device'),
      options: [
        { value: 'mobile', label: l('スマートフォン', 'Mobile') },
        { value: 'tablet', label: l('タブレット', 'Tablet') },
        { value: 'desktop', label: l('パソコン', 'Desktop') },
      ],
    },
    {
      name: 'isBot',
      type: 'checkbox',
      label: l('ボット', 'Bot'),
      defaultValue: false,
      index: true,
      admin: { components: { Cell: '/components/admin/YesNoCell#YesNoCell' } },
    },
  ],
}
