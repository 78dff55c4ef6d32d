import type { Endpoint } from 'payload'

import { JOBS_QUEUE } from '@/lib/jobsRunner'
import { statusOf } from '@/lib/payloadErrors'

/**
 * POST /api/media-uses/rebuild: queues the rebuildMediaUses job (jobs/rebuildMediaUses.ts) for
 * the server's own jobs runner, which runs it within seconds. Payload has no admin screen or
 * route that queues a job, so this is how a signed-in admin asks for one; who may queue is
 * the jobs' own access rule (payload.config.ts).
 */
export const rebuildMediaUsesEndpoint: Endpoint = {
  path: '/media-uses/rebuild',
  method: 'post',
  handler: async (req) => {
    try {
      const job = await req.payload.jobs.queue({
        task: 'rebuildMediaUses',
        input: {},
        queue: JOBS_QUEUE,
        overrideAccess: false,
        req,
      })
      return Response.json(
        { job: job.id, message: '使用数の再集計を受け付けました。数秒後に始まります。' },
        { status: 202, headers: { 'Cache-Control': 'no-store' } },
      )
    } catch (error) {
      if (statusOf(error) !== 403) throw error
      return Response.json(
        { errors: [{ message: '使用数の再集計を依頼できるのは管理者だけです。' }] },
        { status: 403, headers: { 'Cache-Control': 'no-store' } },
      )
    }
  },
}
