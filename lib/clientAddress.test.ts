import type { IncomingMessage } from 'node:http'

import { describe, expect, it } from 'vitest'

import { CLIENT_ADDRESS_HEADER, stampClientAddress } from './clientAddress'

const request = (headers: Record<string, string>, remoteAddress = '::ffff:10.0.0.5') =>
  ({ headers: { ...headers }, socket: { remoteAddress } }) as unknown as IncomingMessage

describe('the client address', () => {
  it('is the socket address unless a proxy is trusted, whatever the client sends', () => {
    const req = request({ [CLIENT_ADDRESS_HEADER]: '1.2.3.4', 'x-forwarded-for': '5.6.7.8' })
    stampClientAddress(req, false)
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe('10.0.0.5')
  })

  it('behind a trusted proxy is the entry the proxy appended, not one the client wrote', () => {
    const req = request({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' })
    stampClientAddress(req, true)
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe('203.0.113.9')
  })
})
