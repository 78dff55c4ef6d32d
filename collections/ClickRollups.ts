import type { CollectionConfig } from 'payload'

import { isEditorOrMarketer } from '@/access/isEditorOrMarketer'
import { nobody } from '@/access/nobody'
import { l } from '@/lib/i18n'

/**
 * Clicks counted per Japan day, link, page, slot and bot flag, kept up to date by the click
 * buffer in the same write as the clicks (lib/clicks/clickStore.ts). The click report reads
 * these, never the raw clicks. `uniques` counts each daily visitor key once per row.
 */
export const ClickRollups: CollectionConfig = {
  slug: 'click-rollups',
  labels: {
    singular: l('クリック日計', 'Click rollup'),
    plural: l('クリック日計', 'Click rollups'),
  },
  admin: { hidden: true },
  access: { read: isEditorOrMarketer, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['day', 'link'] }],
  fields: [
    // day|link|article|placement|slot|bot: what an upsert finds its row by
    { name: 'key', type: 'text', required: true, unique: true },
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
