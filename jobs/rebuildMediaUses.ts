import type { TaskConfig } from 'payload'

import { rebuildMediaUses as rebuild } from '@/lib/mediaUses'

/**
 * Counts every upload's uses on public pages again (lib/mediaUses.ts), for a database whose
 * counts were written past the hooks (rows imported or edited in the database directly).
 * Queued by an admin through POST /api/media-uses/rebuild (endpoints/rebuildMediaUses.ts);
 * never scheduled, since the hooks keep the counts.
 */
export const rebuildMediaUses: TaskConfig<'rebuildMediaUses'> = {
  slug: 'rebuildMediaUses',
  label: 'メディアの公開ページでの使用数の再集計',
  retries: 1,
  outputSchema: [{ name: 'media', type: 'number', required: true }],
  handler: async ({ req }) => ({ output: { media: await rebuild(req) } }),
}
