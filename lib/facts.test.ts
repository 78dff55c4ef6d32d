import { describe, expect, it } from 'vitest'

import { factsToShow, isFactOutdated } from './facts'

const now = new Date('2026-11-25T03:00:00.000Z')
const fact = (asOf: string) => ({ label: '公開求人数', value: '約1万件', asOf })

describe('agent facts past their age limit', () => {
  it('are outdated once older than the limit in calendar months', () => {
    expect(isFactOutdated(fact('2025-03-01T00:00:00.000Z'), 12, now)).toBe(true)
    expect(isFactOutdated(fact('2026-03-01T00:00:00.000Z'), 12, now)).toBe(false)
    expect(isFactOutdated(fact('2025-12-01T00:00:00.000Z'), 12, now)).toBe(false)
    expect(isFactOutdated(fact('2025-03-01T00:00:00.000Z'), 24, now)).toBe(false)
  })

  it('are shown with the note, or left out, as the site chooses', () => {
    const facts = [fact('2025-03-01T00:00:00.000Z'), fact('2026-10-01T00:00:00.000Z')]
    const noted = factsToShow(facts, { maxAgeMonths: 12, mode: 'note' }, now)
    expect(noted.map((f) => f.outdated)).toEqual([true, false])
    const hidden = factsToShow(facts, { maxAgeMonths: 12, mode: 'hide' }, now)
    expect(hidden.map((f) => f.asOf)).toEqual(['2026-10-01T00:00:00.000Z'])
  })
})
