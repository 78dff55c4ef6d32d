import type { Payload, Where } from 'payload'

import type { User } from '@/payload-types'

import { dayInJapan } from './classify'

// Deleting clicks: only by date range, by the daily retention job or by an admin, and each
// deletion is logged in click-deletions (who, which range, how many). The daily rollups stay:
// they hold counts, no visitor keys. payload.db.deleteMany is the adapters' own bulk delete
// (clicks have no hooks that a per-document delete would run).

export type Deletion = {
  from?: Date | null
  before: Date
  reason: 'retention' | 'admin'
  by?: User['id'] | null
}

export async function deleteClicks(payload: Payload, deletion: Deletion): Promise<number> {
  const where: Where = {
    and: [
      { createdAt: { less_than: deletion.before.toISOString() } },
      ...(deletion.from
        ? [{ createdAt: { greater_than_equal: deletion.from.toISOString() } }]
        : []),
    ],
  }
  const { totalDocs } = await payload.count({ collection: 'clicks', where, overrideAccess: true })
  if (totalDocs > 0) await payload.db.deleteMany({ collection: 'clicks', where })
  await payload.create({
    collection: 'click-deletions',
    data: {
      reason: deletion.reason,
      from: deletion.from?.toISOString() ?? null,
      before: deletion.before.toISOString(),
      deleted: totalDocs,
      by: deletion.by ?? null,
    },
    overrideAccess: true,
  })
  payload.logger.info(
    `clicks deleted (${deletion.reason}): ${totalDocs} before ${deletion.before.toISOString()}`,
  )
  return totalDocs
}

/** The start of the first day still kept: `months` months before now. */
export function retentionCutoff(months: number, now = new Date()): Date {
  const cutoff = new Date(now)
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months)
  return cutoff
}

export async function deleteExpiredClicks(payload: Payload, now = new Date()): Promise<number> {
  // the unique-visitor markers of days before yesterday: their visitor keys no longer recur
  const yesterday = dayInJapan(new Date(now.getTime() - 86_400_000))
  await payload.db.deleteMany({
    collection: 'click-visitors',
    where: { day: { less_than: yesterday } },
  })
  const settings = await payload.findGlobal({
    slug: 'affiliate-settings',
    depth: 0,
    overrideAccess: true,
  })
  return deleteClicks(payload, {
    before: retentionCutoff(settings.clickRetentionMonths ?? 25, now),
    reason: 'retention',
  })
}
