// Rollups at three grains, so a long report reads few rows: each click's counts go to its day,
// to its block (days 1–7, 8–14, 15–21 and 22 to the month's end) and to its month. A range is
// read as whole months where it covers them, whole blocks where it covers them, and single
// days only at its edges: a 90-day report reads at most about 20 days, 6 blocks and 2 months
// of rows instead of 90 days. Every grain keeps the same columns, so sums over any mix agree.
// Days are Japan days as 'YYYY-MM-DD'; a block or month row is stored under its first day.

export type Grain = 'day' | 'block' | 'month'
export const GRAINS: Grain[] = ['day', 'block', 'month']

const DAY = 86_400_000
const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`)
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10)
const addDays = (day: string, n: number) => toDay(toTime(day) + n * DAY)
const BLOCK_STARTS = [1, 8, 15, 22]

export const monthStart = (day: string) => `${day.slice(0, 8)}01`
const monthEnd = (day: string) => {
  const [year, month] = day.split('-').map(Number) as [number, number]
  return toDay(Date.UTC(year, month, 0))
}
export function blockStart(day: string): string {
  const date = Number(day.slice(8, 10))
  const start = BLOCK_STARTS.filter((s) => s <= date).at(-1)!
  return `${day.slice(0, 8)}${String(start).padStart(2, '0')}`
}
const blockEnd = (start: string) => {
  const date = Number(start.slice(8, 10))
  return date === 22 ? monthEnd(start) : addDays(start, 6)
}

/** The first day of the bucket of this grain a day falls in. */
export const bucketOf = (grain: Grain, day: string) =>
  grain === 'day' ? day : grain === 'block' ? blockStart(day) : monthStart(day)

export type Buckets = Record<Grain, string[]>

/** The fewest buckets that cover a range of days exactly (each day once). */
export function bucketsFor(fromDay: string, toDay: string): Buckets {
  const buckets: Buckets = { day: [], block: [], month: [] }
  for (let day = fromDay; day <= toDay;) {
    if (day.endsWith('-01') && monthEnd(day) <= toDay) {
      buckets.month.push(day)
      day = addDays(monthEnd(day), 1)
    } else if (BLOCK_STARTS.includes(Number(day.slice(8, 10))) && blockEnd(day) <= toDay) {
      buckets.block.push(day)
      day = addDays(blockEnd(day), 1)
    } else {
      buckets.day.push(day)
      day = addDays(day, 1)
    }
  }
  return buckets
}
