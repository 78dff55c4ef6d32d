import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { l } from '@/lib/i18n'
import { isEditorOrMarketer } from '@/access/isEditorOrMarketer'

export const Clicks: CollectionConfig = {
  slug: 'clicks',
  labels: { singular: l('クリック', 'Click'), plural: l('クリック', 'Clicks') },
  admin: {
    defaultColumns: ['link', 'placement', 'deviceClass', 'isBot', 'createdAt'],
    group: l('収益', 'Revenue'),
  },
  access: {
    read: isEditorOrMarketer,
    // written only by the /go/ redirect on the server; no API may forge or alter a click
    create: nobody,
    update: nobody,
    delete: isAdmin,
  },
  timestamps: true,
  fields: [
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
      label: l('設置場所', 'Placement'),
      maxLength: 200,
      index: true,
    },
    {
      // the URL the reader was sent to (the destination or, outside the schedule, the fallback)
      name: 'destination',
      type: 'text',
      label: l('送り先', 'Destination'),
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
    },
  ],
}
