import type { Agent } from '@/payload-types'

// Agent facts (案件数・求人数…) carry the month they were true for. Past the site's limit
// (サイト設定 > コンプライアンス) readers are told they may be out of date, or do not see them,
// on every page that shows them, until an editor updates the fact. The compliance view lists
// the same facts by the same rule.

export type Fact = NonNullable<Agent['facts']>[number]

export const OUTDATED_FACTS_MODES = { note: '注記を付けて表示する', hide: '表示しない' } as const
export type OutdatedFactsMode = keyof typeof OUTDATED_FACTS_MODES

export type FactsPolicy = { maxAgeMonths: number; mode: OutdatedFactsMode }
export const DEFAULT_FACTS_POLICY: FactsPolicy = { maxAgeMonths: 12, mode: 'note' }

export const OUTDATED_FACT_NOTE = '情報が古い可能性があります'

/** The same date `months` calendar months earlier. */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now)
  d.setMonth(d.getMonth() - months)
  return d
}

/** Whether a fact's as-of date is older than the limit. A fact without a date is not judged. */
export function isFactOutdated(fact: Pick<Fact, 'asOf'>, maxAgeMonths: number, now = new Date()) {
  if (!fact.asOf) return false
  const asOf = new Date(fact.asOf)
  return !Number.isNaN(asOf.getTime()) && asOf < monthsBefore(now, maxAgeMonths)
}

/** The facts a reader is shown under the policy, each marked when it may be out of date. */
export function factsToShow(
  facts: Agent['facts'],
  policy: FactsPolicy,
  now = new Date(),
): (Fact & { outdated: boolean })[] {
  return (facts ?? [])
    .map((fact) => ({ ...fact, outdated: isFactOutdated(fact, policy.maxAgeMonths, now) }))
    .filter((fact) => !(fact.outdated && policy.mode === 'hide'))
}
