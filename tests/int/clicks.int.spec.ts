// Click recording behind /go/: the in-process link cache that the links' hooks empty, the
// placement check, and the click buffer that writes every queued click exactly once.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { bufferedClicks, flushClicks, recordClick, type ClickRecord } from '@/lib/clicks/buffer'
import { resolvePlacement, UNKNOWN_PLACEMENT } from '@/lib/clicks/placement'
import { getRedirectTarget } from '@/lib/queries/affiliateLinks'
import type { AffiliateLink, Agent } from '@/payload-types'
import {
  articleData,
  createAgent,
  createCategory,
  createUser,
  linkData,
  unique,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

const sys = { overrideAccess: true as const, depth: 0 }
let payload: Payload
let agent: Agent
let link: AffiliateLink

const clicksOf = async (linkId: AffiliateLink['id']) =>
  (
    await payload.find({
      collection: 'clicks',
      where: { link: { equals: linkId } },
      limit: 500,
      pagination: false,
      ...sys,
    })
  ).docs

const click = (overrides: Partial<ClickRecord> = {}): ClickRecord => ({
  link: link.id,
  destination: link.destinationUrl,
  placement: UNKNOWN_PLACEMENT,
  deviceClass: 'mobile',
  isBot: false,
  visitorKey: unique(),
  createdAt: new Date().toISOString(),
  ...overrides,
})

beforeAll(async () => {
  payload = await getTestPayload()
  agent = await createAgent(payload)
  link = await payload.create({ ...sys, collection: 'affiliate-links', data: linkData(agent.id) })
})

describe('the link cache', () => {
  it('serves a changed destination, a pause and a deletion from the next redirect on', async () => {
    const own = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: linkData(agent.id),
    })
    expect((await getRedirectTarget(own.slug))?.url).toBe(own.destinationUrl)
    const moved = `https://example.com/lp/${unique()}`
    await payload.update({
      ...sys,
      collection: 'affiliate-links',
      id: own.id,
      data: { destinationUrl: moved },
    })
    expect((await getRedirectTarget(own.slug))?.url).toBe(moved)
    await payload.update({
      ...sys,
      collection: 'affiliate-links',
      id: own.id,
      data: { status: 'paused' },
    })
    expect(await getRedirectTarget(own.slug)).toBeNull()
    await payload.update({
      ...sys,
      collection: 'affiliate-links',
      id: own.id,
      data: { status: 'active' },
    })
    expect((await getRedirectTarget(own.slug))?.url).toBe(moved)
    await payload.delete({ ...sys, collection: 'affiliate-links', id: own.id })
    expect(await getRedirectTarget(own.slug)).toBeNull()
  })

  it('applies the schedule at the moment of the redirect, not when the link was cached', async () => {
    const until = new Date(Date.now() + 60 * 60 * 1000)
    const own = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: {
        ...linkData(agent.id),
        activeUntil: until.toISOString(),
        fallbackUrl: 'https://example.com/after',
      },
    })
    expect((await getRedirectTarget(own.slug))?.url).toBe(own.destinationUrl)
    // cached now; an hour later the same entry sends readers to the fallback
    const later = new Date(until.getTime() + 1000)
    expect((await getRedirectTarget(own.slug, later))?.url).toBe('https://example.com/after')
  })
})

describe('placements', () => {
  it('records the article or agent page a click came from, and anything else as unknown', async () => {
    const category = await createCategory(payload)
    const author = await createUser(payload, 'writer')
    const article = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, { _status: 'published' }),
    })
    const draft = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id),
    })
    expect(await resolvePlacement(payload, article.slug)).toEqual({
      placement: article.slug,
      article: article.id,
    })
    expect(await resolvePlacement(payload, `agent-${agent.slug}`)).toEqual({
      placement: `agent-${agent.slug}`,
      article: null,
    })
    for (const from of [
      null,
      '',
      draft.slug,
      'no-such-page',
      'agent-no-such-agent',
      '<script>',
      'x'.repeat(500),
    ])
      expect(await resolvePlacement(payload, from), String(from)).toEqual({
        placement: UNKNOWN_PLACEMENT,
        article: null,
      })
  })
})

describe('the click buffer', () => {
  it('writes every queued click exactly once, also when clicks arrive during a flush', async () => {
    const before = (await clicksOf(link.id)).length
    const keys = Array.from({ length: 300 }, () => unique())
    for (const key of keys.slice(0, 200)) recordClick(payload, click({ visitorKey: key }))
    const first = flushClicks()
    for (const key of keys.slice(200)) recordClick(payload, click({ visitorKey: key }))
    await Promise.all([first, flushClicks()])
    expect(bufferedClicks()).toBe(0)
    const stored = await clicksOf(link.id)
    expect(stored).toHaveLength(before + keys.length)
    const storedKeys = stored.map((c) => c.visitorKey)
    expect(new Set(storedKeys).size).toBe(storedKeys.length)
    expect(keys.every((k) => storedKeys.includes(k))).toBe(true)
  })

  it('keeps what each click says, and the global flush the server calls on SIGTERM writes the rest', async () => {
    const own = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: linkData(agent.id),
    })
    const at = '2026-11-20T01:02:03.000Z'
    recordClick(
      payload,
      click({
        link: own.id,
        destination: 'https://example.com/chosen',
        placement: `agent-${agent.slug}`,
        deviceClass: 'tablet',
        isBot: true,
        visitorKey: 'k'.repeat(32),
        createdAt: at,
      }),
    )
    const flush = (globalThis as unknown as Record<symbol, () => Promise<void>>)[
      Symbol.for('career-media.flush-clicks')
    ]
    expect(typeof flush).toBe('function')
    await flush()
    expect(await clicksOf(own.id)).toMatchObject([
      {
        destination: 'https://example.com/chosen',
        placement: `agent-${agent.slug}`,
        deviceClass: 'tablet',
        isBot: true,
        visitorKey: 'k'.repeat(32),
        createdAt: at,
      },
    ])
  })
})
