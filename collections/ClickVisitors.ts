import type { CollectionConfig } from 'payload'

import { nobody } from '@/access/nobody'
import { l } from '@/lib/i18n'

/**
 * One row per visitor already counted as unique on a day for a link, page, slot and bot flag:
 * a hash of that rollup row's key and the daily visitor key (itself a keyed hash), so it
 * names nobody. The click buffer looks up a batch's rows here by key (at most one row per
 * click in the batch, however many clicks a visitor made before) and adds the new ones in the
 * same write as the clicks (lib/clicks/rollups.ts, lib/clicks/clickStore.ts). Rows of days
 * before yesterday are deleted by the daily retention job: the visitor key changes daily.
 */
export const ClickVisitors: CollectionConfig = {
  slug: 'click-visitors',
  labels: {
    singular: l('ユニーク判定', 'Unique visitor marker'),
    plural: l('ユニーク判定', 'Unique visitor markers'),
  },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'day', type: 'text', required: true, index: true },
  ],
}
