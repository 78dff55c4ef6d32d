import { createHmac, timingSafeEqual } from 'node:crypto'

import type { PayloadRequest } from 'payload'

// Scheduled publishing: `npm start` asks its own server every few seconds to run the due jobs
// (GET /api/payload-jobs/run?queue=scheduled). Running them inside a request, rather than on a
// timer in the background, matters: Next can only expire cached pages from within a request,
// so an article published by a job is on the site the moment the job ends. The call carries
// a token derived from PAYLOAD_SECRET; admins may also call it.

export const JOBS_QUEUE = 'scheduled'
export const JOBS_INTERVAL_MS = 5_000

export const jobsRunnerToken = (secret = process.env.PAYLOAD_SECRET ?? '') =>
  createHmac('sha256', secret).update('payload-jobs-run').digest('hex')

export function isJobsRunner(req: Pick<PayloadRequest, 'headers'>): boolean {
  const header = req.headers.get('authorization') ?? ''
  if (!process.env.PAYLOAD_SECRET || !header.startsWith('Bearer ')) return false
  const given = Buffer.from(header.slice('Bearer '.length))
  const expected = Buffer.from(jobsRunnerToken())
  return given.length === expected.length && timingSafeEqual(given, expected)
}
