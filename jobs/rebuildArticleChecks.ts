import type { TaskConfig } from 'payload'

import { rebuildArticleChecks as rebuild } from '@/lib/articleChecks'

/**
 * Derives every article's compliance checks and dependencies again (lib/articleChecks.ts), for
 * a database whose articles were saved before those fields existed or written past the hooks.
 * Queued by an admin through POST /api/article-checks/rebuild; never scheduled, since the
 * hooks keep the fields.
 */
export const rebuildArticleChecks: TaskConfig<'rebuildArticleChecks'> = {
  slug: 'rebuildArticleChecks',
  label: '記事のコンプライアンス判定の再計算',
  retries: 1,
  outputSchema: [{ name: 'articles', type: 'number', required: true }],
  handler: async ({ req }) => ({ output: { articles: await rebuild(req) } }),
}
