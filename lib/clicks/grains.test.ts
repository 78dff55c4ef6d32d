import { describe, expect, it } from 'vitest'

import { blockStart, bucketOf, bucketsFor, monthStart } from './grains'

const DAY = 86_400_000
const day = (t: number) => new Date(t).toISOString().slice(0, 10)

/** Every day a bucket of a grain stands for. */
function daysOf(grain: 'day' | 'block' | 'month', start: string): string[] {
  const days: string[] = []
  for (let t = Date.parse(`${start}T00:00:00Z`); ; t += DAY) {
    const d = day(t)
    if (bucketOf(grain, d) !== start) return days
    days.push(d)
  }
}

describe('rollup grains', () => {
  it('places days in blocks of the month and in months, leap years included', () => {
    expect(blockStart('2026-02-07')).toBe('2026-02-01')
    expect(blockStart('2026-02-08')).toBe('2026-02-08')
    expect(blockStart('2026-01-31')).toBe('2026-01-22')
    expect(monthStart('2028-02-29')).toBe('2028-02-01')
    expect(daysOf('block', '2028-02-22')).toHaveLength(8)
    expect(daysOf('block', '2026-03-22')).toHaveLength(10)
  })

  it('covers any range exactly once, with single days only at its edges', () => {
    const start = Date.parse('2025-11-20T00:00:00Z')
    for (let i = 0; i < 400; i++) {
      const from = day(start + ((i * 37) % 500) * DAY)
      const length = (i * 13) % 200
      const to = day(Date.parse(`${from}T00:00:00Z`) + length * DAY)
      const buckets = bucketsFor(from, to)
      const covered = [
        ...buckets.day.flatMap((d) => daysOf('day', d)),
        ...buckets.block.flatMap((d) => daysOf('block', d)),
        ...buckets.month.flatMap((d) => daysOf('month', d)),
      ].sort()
      const expected = Array.from({ length: length + 1 }, (_, n) =>
        day(Date.parse(`${from}T00:00:00Z`) + n * DAY),
      )
      expect(covered).toEqual(expected)
      // at most 9 days (the longest block but one day) at each edge
      expect(buckets.day.length).toBeLessThanOrEqual(18)
    }
  })

  it('reads a 90-day range as far fewer rows than 90 days', () => {
    const b = bucketsFor('2026-09-05', '2026-12-03')
    expect(b).toEqual({
      day: ['2026-09-05', '2026-09-06', '2026-09-07', '2026-12-01', '2026-12-02', '2026-12-03'],
      block: ['2026-09-08', '2026-09-15', '2026-09-22'],
      month: ['2026-10-01', '2026-11-01'],
    })
  })
})
