import type { TaskConfig } from 'payload'

import { rebuildReviewSearch as rebuild } from '@/lib/searchIndex/reviews'

/**
 * Fills the review search's index again from every approved review (lib/searchIndex/reviews):
 * queued at start-up when the index is empty while approved reviews exist (a database from
 * before the review search, a restored backup, rows written past the hooks), and run by the
 * server's jobs runner, so a million reviews are read a page at a time outside any request.
 */
export const rebuildReviewSearch: TaskConfig<'rebuildReviewSearch'> = {
  slug: 'rebuildReviewSearch',
  label: '口コミ検索の索引の再作成',
  retries: 1,
  outputSchema: [{ name: 'reviews', type: 'number', required: true }],
  handler: async ({ req }) => ({ output: { reviews: await rebuild(req.payload) } }),
}
