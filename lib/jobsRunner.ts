import type { PayloadRequest } from 'payload'

import { hasInternalToken, internalToken } from './internalToken'

// Scheduled publishing: `npm start` asks its own server every few seconds to run the due jobs
// (GET /api/payload-jobs/run?queue=scheduled). Running them inside a request, rather than on a
// timer in the background, matters: Next can only expire cached pages from within a request,
// so an article published by a job is on the site the moment the job ends. The call carries
// a token derived from PAYLOAD_SECRET; admins may also call it.

export const JOBS_QUEUE = 'scheduled'
export const JOBS_INTERVAL_MS = 5_000

export const jobsRunnerToken = (secret = process.env.PAYLOAD_SECRET ?? '') =>
  internalToken('payload-jobs-run', secret)

export const isJobsRunner = (req: Pick<PayloadRequest, 'headers'>): boolean =>
  hasInternalToken(req, 'payload-jobs-run')
