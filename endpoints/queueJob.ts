import type { Endpoint } from 'payload'

import { JOBS_QUEUE } from '@/lib/jobsRunner'
import { statusOf } from '@/lib/payloadErrors'

type Rebuild = {
  path: string
  /** a task that takes no input */
  task: 'rebuildMediaUses' | 'rebuildArticleChecks' | 'rebuildReviewSearch'
  /** what the admin is told once it is queued */
  accepted: string
  /** what anyone else is told */
  refused: string
}

/**
 * POST <path>: queues a rebuild job for the server's own jobs runner, which runs it within
 * seconds. Payload has no admin screen or route that queues a job, so this is how a signed-in
 * admin asks for one; who may queue is the jobs' own access rule (payload.config.ts).
 */
export function queueJobEndpoint({ path, task, accepted, refused }: Rebuild): Endpoint {
  return {
    path,
    method: 'post',
    handler: async (req) => {
      try {
        const job = await req.payload.jobs.queue({
          task,
          input: {},
          queue: JOBS_QUEUE,
          overrideAccess: false,
          req,
        })
        return Response.json(
          { job: job.id, message: accepted },
          { status: 202, headers: { 'Cache-Control': 'no-store' } },
        )
      } catch (error) {
        if (statusOf(error) !== 403) throw error
        return Response.json(
          { errors: [{ message: refused }] },
          { status: 403, headers: { 'Cache-Control': 'no-store' } },
        )
      }
    },
  }
}
