import { describe, expect, it } from 'vitest'

import { newReaderCookie, readerAddressHash, readerIdFrom } from './readerIdentity'

describe('reader identity', () => {
  it('reads back the id of a cookie the site signed, and nothing from a forged or altered one', () => {
    const { id, value } = newReaderCookie()
    expect(readerIdFrom(value)).toBe(id)
    const other = newReaderCookie()
    expect(other.id).not.toBe(id)
    const [, signature] = value.split('.')
    expect(readerIdFrom(`${other.id}.${signature}`)).toBeNull() // another id, this signature
    expect(readerIdFrom(`${id}.${'0'.repeat(32)}`)).toBeNull()
    expect(readerIdFrom(id)).toBeNull()
    expect(readerIdFrom(`${value}.extra`)).toBeNull()
    expect(readerIdFrom('')).toBeNull()
    expect(readerIdFrom(undefined)).toBeNull()
  })

  it('keeps addresses as hashes that differ per address and never contain it', () => {
    const hash = readerAddressHash('203.0.113.7')
    expect(hash).toMatch(/^[0-9a-f]{32}$/)
    expect(hash).toBe(readerAddressHash('203.0.113.7'))
    expect(hash).not.toBe(readerAddressHash('203.0.113.8'))
  })
})
