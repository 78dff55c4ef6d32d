// The guard every integration test runs under (tests/helpers/boundedReads.ts): a read that
// could return the whole archive fails on a small database, before it meets a large one.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { MAX_DOCS_PER_READ, UnboundedReadError } from '@/tests/helpers/boundedReads'
import { getTestPayload } from '@/tests/helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

describe('bounded reads', () => {
  it('refuses a read with pagination off and no limit, limit 0, or a limit past the bound', async () => {
    for (const args of [
      { pagination: false as const },
      { limit: 0 },
      { limit: MAX_DOCS_PER_READ + 1, pagination: false as const },
    ]) {
      const refused = await payload
        .find({ collection: 'articles', overrideAccess: true, ...args })
        .then(
          () => null,
          (error: unknown) => error,
        )
      expect(refused).toBeInstanceOf(UnboundedReadError)
      expect((refused as Error).message).toContain('find(articles) asked for')
    }
  })

  it('lets a page or a bounded key list through, also from the site’s own getter instance', async () => {
    const { getPayloadClient } = await import('@/lib/payload')
    const site = await getPayloadClient()
    expect(site).toBe(payload)
    const page = await site.find({ collection: 'articles', overrideAccess: true, limit: 5 })
    expect(page.docs.length).toBeLessThanOrEqual(5)
    const none = await site.find({
      collection: 'articles',
      overrideAccess: true,
      where: { id: { in: [] } },
      limit: 1,
      pagination: false,
    })
    expect(none.docs).toEqual([])
  })
})
