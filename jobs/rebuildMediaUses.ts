import type { TaskConfig } from 'payload'

import { rebuildMediaUses as rebuild } from '@/lib/mediaUses'

/**
 * Counts every upload's uses on public pages again (lib/mediaUses.ts), for a database whose
 * counts were written past the hooks: a restore of an old copy, a bulk import. Queued by an
 * admin (README, "Uploads on public pages"); never scheduled, since the hooks keep the counts.
 */
export const rebuildMediaUses: TaskConfig<'rebuildMediaUses'> = {
  slug: 'rebuildMediaUses',
  label: 'メディアの公開ページでの使用数の再集計',
  retries: 1,
  outputSchema: [{ name: 'media', type: 'number', required: true }],
  handler: async ({ req }) => ({ output: { media: await rebuild(req) } }),
}
