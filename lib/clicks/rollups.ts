import { createHash } from 'node:crypto'

import type { Payload } from 'payload'

import type { ClickRecord } from './buffer'
import { dayInJapan } from './classify'
import type { RollupDelta } from './clickStore'

// What a batch of clicks adds to the daily rollups. A unique click is a visitor key seen once
// per day, link, page, slot and bot flag (the key changes daily, so days add up). Whether a
// visitor was counted by an earlier batch is looked up among the visitor markers
// (collections/ClickVisitors.ts) by their keys: one query per batch that returns at most one
// row per click in it, so a visitor with a hundred thousand clicks today costs what a new one
// does. One counted earlier in this batch is not counted again. The new markers are written
// with the clicks. Flushes run one at a time (lib/clicks/buffer.ts), so no two batches race.

const rowKey = (day: string, c: ClickRecord) =>
  [day, c.link, c.article ?? '', c.placement ?? '', c.slot ?? '', c.isBot ? 1 : 0].join('|')

const markerKey = (row: string, visitorKey: string) =>
  createHash('sha256').update(`${row}|${visitorKey}`).digest('hex').slice(0, 32)

export type VisitorMarker = { key: string; day: string }
export type Rollup = { deltas: RollupDelta[]; visitors: VisitorMarker[] }

export async function rollupDeltas(payload: Payload, clicks: ClickRecord[]): Promise<Rollup> {
  if (clicks.length === 0) return { deltas: [], visitors: [] }
  const rows = clicks.map((click) => {
    const day = dayInJapan(new Date(click.createdAt))
    const key = rowKey(day, click)
    return { click, day, key, marker: click.visitorKey ? markerKey(key, click.visitorKey) : null }
  })
  const markers = [...new Set(rows.flatMap((r) => (r.marker ? [r.marker] : [])))]
  const seen = new Set<string>()
  if (markers.length) {
    const { docs } = await payload.find({
      collection: 'click-visitors',
      where: { key: { in: markers } },
      select: { key: true },
      limit: markers.length,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    for (const doc of docs) seen.add(doc.key)
  }
  const deltas = new Map<string, RollupDelta>()
  const visitors: VisitorMarker[] = []
  for (const { click, day, key, marker } of rows) {
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
    // a click without a visitor key cannot be told apart from others: each counts once
    if (!marker) delta.uniques += 1
    else if (!seen.has(marker)) {
      delta.uniques += 1
      seen.add(marker)
      visitors.push({ key: marker, day })
    }
  }
  return { deltas: [...deltas.values()], visitors }
}
