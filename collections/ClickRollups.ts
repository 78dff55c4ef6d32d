import type { CollectionConfig } from 'payload'

import { isEditorOrMarketer } from '@/access/isEditorOrMarketer'
import { nobody } from '@/access/nobody'
import { l } from '@/lib/i18n'

/**
 * Clicks counted per Japan day, link, page, slot and bot flag, kept up to date by the click
 * buffer in the same write as the clicks (lib/clicks/clickStore.ts), also summed by block of
 * the month and by month so a long range reads few rows (lib/clicks/grains.ts). The click
 * report reads these, never the raw clicks. `uniques` counts each daily visitor key once per
 * day row; coarser rows hold the sum of their days.
 */
export const ClickRollups: CollectionConfig = {
  slug: 'click-rollups',
  labels: {
    singular: l('クリック日計', 'Click rollup'),
    plural: l('クリック日計', 'Click rollups'),
  },
  admin: { hidden: true },
  access: { read: isEditorOrMarketer, create: nobody, update: nobody, delete: nobody },
  // the report's two reads, each answered from its index alone (lib/clicks/clickStore.ts)
  indexes: [
    { fields: ['grain', 'day', 'isBot', 'link', 'clicks', 'uniques'] },
    { fields: ['grain', 'day', 'isBot', 'placement', 'slot', 'article', 'clicks', 'uniques'] },
  ],
  fields: [
    // [grain:]day|link|article|placement|slot|bot: what an upsert finds its row by
    { name: 'key', type: 'text', required: true, unique: true },
    // day, block of the month or month (lib/clicks/grains.ts); `day` is the bucket's first day
    {
      name: 'grain',
      type: 'select',
      required: true,
      defaultValue: 'day',
      options: ['day', 'block', 'month'],
    },
    { name: 'day', type: 'text', required: true, index: true },
    // not required: a deleted link leaves its counts with no link (ON DELETE set null)
    { name: 'link', type: 'relationship', relationTo: 'affiliate-links' },
    { name: 'article', type: 'relationship', relationTo: 'articles' },
    { name: 'placement', type: 'text', required: true },
    { name: 'slot', type: 'text', required: true },
    { name: 'isBot', type: 'checkbox', required: true, defaultValue: false },
    { name: 'clicks', type: 'number', required: true, defaultValue: 0 },
    { name: 'uniques', type: 'number', required: true, defaultValue: 0 },
  ],
}
