import type { TaskConfig } from 'payload'

import { JOBS_QUEUE } from '@/lib/jobsRunner'
import { checkAllLinks } from '@/lib/linkHealth'

/** Every morning: each active link's landing page is requested and its health stored. */
export const checkLinks: TaskConfig<'checkLinks'> = {
  slug: 'checkLinks',
  label: 'リンク確認',
  retries: 1,
  // 05:00 in Japan on a server in UTC (Payload reads the cron in the server's time zone)
  schedule: [{ cron: '0 20 * * *', queue: JOBS_QUEUE }],
  outputSchema: [{ name: 'checked', type: 'number', required: true }],
  handler: async ({ req }) => {
    const results = await checkAllLinks(req.payload)
    const checked = Object.values(results).reduce((sum, n) => sum + (n ?? 0), 0)
    return { output: { checked } }
  },
}
