import { queueJobEndpoint } from './queueJob'

/** POST /api/media-uses/rebuild: queues the rebuildMediaUses job (jobs/rebuildMediaUses.ts). */
export const rebuildMediaUsesEndpoint = queueJobEndpoint({
  path: '/media-uses/rebuild',
  task: 'rebuildMediaUses',
  accepted: '使用数の再集計を受け付けました。数秒後に始まります。',
  refused: '使用数の再集計を依頼できるのは管理者だけです。',
})

/** POST /api/article-checks/rebuild: queues the rebuildArticleChecks job. */
export const rebuildArticleChecksEndpoint = queueJobEndpoint({
  path: '/article-checks/rebuild',
  task: 'rebuildArticleChecks',
  accepted: '記事のコンプライアンス判定の再計算を受け付けました。数秒後に始まります。',
  refused: '再計算を依頼できるのは管理者だけです。',
})
