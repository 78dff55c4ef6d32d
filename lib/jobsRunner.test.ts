import { afterEach, describe, expect, it } from 'vitest'

import { isJobsRunner, jobsRunnerToken } from './jobsRunner'

const req = (authorization?: string) => ({
  headers: new Headers(authorization ? { authorization } : {}),
})

describe('the jobs runner token', () => {
  const saved = process.env.PAYLOAD_SECRET
  afterEach(() => {
    process.env.PAYLOAD_SECRET = saved
  })

  it('accepts only the token derived from this server’s secret', () => {
    process.env.PAYLOAD_SECRET = 'a-secret-long-enough-for-the-test-0123456789'
    expect(isJobsRunner(req(`Bearer ${jobsRunnerToken()}`))).toBe(true)
    expect(isJobsRunner(req(`Bearer ${jobsRunnerToken('another-secret')}`))).toBe(false)
    expect(isJobsRunner(req(`JWT ${jobsRunnerToken()}`))).toBe(false)
    expect(isJobsRunner(req())).toBe(false)
  })

  it('accepts nothing when the server has no secret', () => {
    process.env.PAYLOAD_SECRET = ''
    expect(isJobsRunner(req(`Bearer ${jobsRunnerToken('')}`))).toBe(false)
  })
})
