import type { Payload } from 'payload'

import type { ClickRecord } from './buffer'
import { dayInJapan } from './classify'
import type { RollupDelta } from './clickStore'

// What a batch of clicks adds to the daily rollups. A unique click is a visitor key seen once
// per day, link, page, slot and bot flag (the key changes daily, so days add up): a visitor
// already counted by an earlier batch is looked up among the stored clicks of that day (one
// query per batch, by the indexed visitor key), and one counted earlier in this batch is not
// counted again. Flushes run one at a time (lib/clicks/buffer.ts), so no two batches race.

const rowKey = (day: string, c: ClickRecord) =>
  [day, c.link, c.article ?? '', c.placement ?? '', c.slot ?? '', c.isBot ? 1 : 0].join('|')

export async function rollupDeltas(
  payload: Payload,
  clicks: ClickRecord[],
): Promise<RollupDelta[]> {
  if (clicks.length === 0) return []
  const visitorKeys = [...new Set(clicks.map((c) => c.visitorKey).filter(Boolean))] as string[]
  const earliest = clicks.reduce(
    (min, c) => (c.createdAt < min ? c.createdAt : min),
    clicks[0]!.createdAt,
  )
  // the start of the earliest click's Japan day
  const dayStart = new Date(`${dayInJapan(new Date(earliest))}T00:00:00+09:00`).toISOString()
  const seen = new Set<string>()
  if (visitorKeys.length) {
    const { docs } = await payload.find({
      collection: 'clicks',
      where: {
        and: [{ visitorKey: { in: visitorKeys } }, { createdAt: { greater_than_equal: dayStart } }],
      },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: {
        link: true,
        article: true,
        placement: true,
        slot: true,
        isBot: true,
        visitorKey: true,
        createdAt: true,
      },
    })
    for (const doc of docs) {
      const earlier: ClickRecord = {
        ...doc,
        link: typeof doc.link === 'object' ? doc.link.id : doc.link,
        article:
          doc.article && typeof doc.article === 'object' ? doc.article.id : (doc.article ?? null),
        createdAt: doc.createdAt,
      } as ClickRecord
      seen.add(`${rowKey(dayInJapan(new Date(doc.createdAt)), earlier)}|${doc.visitorKey}`)
    }
  }
  const deltas = new Map<string, RollupDelta>()
  for (const click of clicks) {
    const day = dayInJapan(new Date(click.createdAt))
    const key = rowKey(day, click)
    const delta =
      deltas.get(key) ??
      deltas
        .set(key, {
          key,
          day,
          link: click.link,
          article: click.article ?? null,
          placement: click.placement ?? 'unknown',
          slot: click.slot ?? 'unknown',
          isBot: Boolean(click.isBot),
          clicks: 0,
          uniques: 0,
        })
        .get(key)!
    delta.clicks += 1
    const visitor = `${key}|${click.visitorKey ?? ''}`
    if (!click.visitorKey || !seen.has(visitor)) {
      delta.uniques += 1
      seen.add(visitor)
    }
  }
  return [...deltas.values()]
}
