import { describe, expect, it } from 'vitest'

import { BODY_LIMITS, refuseBeforeReading } from './requestLimits'

const req = (method: string, url: string, headers: Record<string, string> = {}) => ({
  method,
  url,
  headers,
})

describe('refuseBeforeReading', () => {
  it('lets ordinary requests through', () => {
    expect(refuseBeforeReading(req('GET', '/articles/pmo?q=%E5%B9%B4'))).toBeNull()
    expect(
      refuseBeforeReading(req('POST', '/api/articles', { 'content-length': '5000' })),
    ).toBeNull()
    expect(
      refuseBeforeReading(
        req('POST', '/api/media', { 'content-length': String(BODY_LIMITS.upload) }),
      ),
    ).toBeNull()
  })

  it('refuses paths that are no valid percent-encoding with 400', () => {
    for (const url of ['/%FF', '/articles/%E0%A4%A', '/%']) {
      expect(refuseBeforeReading(req('GET', url))).toEqual({
        status: 400,
        message: 'URLの形式が正しくありません。',
        bodyUnread: false,
      })
    }
  })

  it('refuses bodies larger than the endpoint takes with 413, uploads with their own limit', () => {
    const big = String(50 * 1024 * 1024)
    expect(
      refuseBeforeReading(req('POST', '/api/graphql', { 'content-length': big }))?.status,
    ).toBe(413)
    expect(
      refuseBeforeReading(
        req('POST', '/api/articles', { 'content-length': String(BODY_LIMITS.default + 1) }),
      )?.message,
    ).toBe('送信されたデータが大きすぎます(上限 2MB)。')
    expect(
      refuseBeforeReading(
        req('PATCH', '/api/media/12', { 'content-length': String(BODY_LIMITS.upload + 1) }),
      )?.status,
    ).toBe(413)
  })

  it('refuses a body of unstated length (411) and a malformed length (400)', () => {
    expect(
      refuseBeforeReading(req('POST', '/api/graphql', { 'transfer-encoding': 'chunked' }))?.status,
    ).toBe(411)
    expect(
      refuseBeforeReading(req('POST', '/api/graphql', { 'content-length': 'abc' }))?.status,
    ).toBe(400)
  })
})
