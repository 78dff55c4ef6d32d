import { describe, expect, it } from 'vitest'

import { securityHeaders } from './securityHeaders'

describe('securityHeaders', () => {
  it('lets only the site frame its own pages, never the admin or the API', () => {
    expect(securityHeaders('/articles/x', false)['Content-Security-Policy']).toContain(
      "frame-ancestors 'self'",
    )
    for (const path of ['/admin', '/admin/collections/articles', '/api/articles']) {
      const headers = securityHeaders(path, false)
      expect(headers['Content-Security-Policy'], path).toContain("frame-ancestors 'none'")
      expect(headers['X-Frame-Options'], path).toBe('DENY')
    }
  })

  it('adds HSTS and upgrade-insecure-requests only over https', () => {
    expect(securityHeaders('/', false)['Strict-Transport-Security']).toBeUndefined()
    const https = securityHeaders('/', true)
    expect(https['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains')
    expect(https['Content-Security-Policy']).toContain('upgrade-insecure-requests')
  })
})
