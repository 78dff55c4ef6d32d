import type { TaskConfig } from 'payload'

import { deleteExpiredClicks as run } from '@/lib/clicks/retention'
import { JOBS_QUEUE } from '@/lib/jobsRunner'

/** Every night: clicks older than the retention setting are deleted, and the deletion logged. */
export const deleteExpiredClicks: TaskConfig<'deleteExpiredClicks'> = {
  slug: 'deleteExpiredClicks',
  label: 'クリック記録の期限切れ削除',
  retries: 1,
  // 03:30 in Japan on a server in UTC (Payload reads the cron in the server's time zone)
  schedule: [{ cron: '30 18 * * *', queue: JOBS_QUEUE }],
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  handler: async ({ req }) => ({ output: { deleted: await run(req.payload) } }),
}
