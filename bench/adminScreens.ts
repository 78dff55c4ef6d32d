// Every admin screen as each staff role opens it, for bench/scale.ts: the dashboard, every
// collection's list and an edit view, the compliance view and its CSV, the review queue, the
// click report, and a link's and an upload's page. Each screen is opened five times (p50 / max,
// to the last byte); a reader meanwhile reads a cached article over and over (its p99 and max),
// and the server's peak resident memory is read from /proc when the screens are done.
import { readdirSync, readFileSync } from 'node:fs'

import { quantile, round } from './server'

export const ROLES = {
  admin: 'admin@example.com',
  editor: 'editor@example.com',
  writer: 'writer@example.com',
  marketer: 'marketer@example.com',
} as const
export type Role = keyof typeof ROLES

// every collection the admin shows (payload.config.ts)
const COLLECTIONS = [
  'articles',
  'article-transitions',
  'agents',
  'reviews',
  'review-decisions',
  'review-reports',
  'categories',
  'media',
  'affiliate-links',
  'clicks',
  'click-rollups',
  'asp-results',
  'users',
  'redirects',
] as const

const REPEAT = 5

/** Signs in as a demo user through the REST API, as the admin does. */
export async function roleToken(origin: string, role: Role): Promise<string> {
  const res = await fetch(`${origin}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: ROLES[role],
      password: process.env.DEMO_PASSWORD || `${role}-demo-2026`,
    }),
  })
  const body = (await res.json()) as { token?: string }
  if (!body.token) throw new Error(`${role} login failed: ${res.status}`)
  return body.token
}

async function timed(url: string, headers: Record<string, string>) {
  const t = performance.now()
  const res = await fetch(url, { headers, redirect: 'manual' })
  await res.arrayBuffer()
  return { ms: performance.now() - t, status: res.status }
}

/** The first document's id of a collection, as this role may read it (null when it may not). */
async function firstId(origin: string, slug: string, auth: Record<string, string>) {
  const res = await fetch(`${origin}/api/${slug}?limit=1&depth=0&select[id]=true`, {
    headers: auth,
  })
  if (!res.ok) return null
  const body = (await res.json()) as { docs?: { id: string | number }[] }
  return body.docs?.[0]?.id ?? null
}

/** The screens a role can be sent to, with their addresses. */
async function screensFor(origin: string, auth: Record<string, string>) {
  const screens: [string, string][] = [['dashboard', '/admin']]
  for (const slug of COLLECTIONS) {
    screens.push([`${slug} list`, `/admin/collections/${slug}`])
    const id = await firstId(origin, slug, auth)
    if (id !== null) screens.push([`${slug} edit`, `/admin/collections/${slug}/${id}`])
  }
  screens.push(
    ['compliance view', '/admin/compliance'],
    ['compliance CSV', '/api/compliance.csv'],
    ['review queue', '/admin/review-queue'],
    ['click report', '/admin/click-report'],
  )
  return screens
}

/** The largest peak RSS (VmHWM) among a process and its descendants, in MB. */
export function peakRssMb(root: number): number {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)])
    } catch {
      // the process ended meanwhile
    }
  }
  let peak = 0
  for (const queue = [root]; queue.length;) {
    const pid = queue.shift()!
    queue.push(...(children.get(pid) ?? []))
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
      peak = Math.max(peak, Number(kb ?? 0) / 1024)
    } catch {
      // gone
    }
  }
  return Math.round(peak)
}

export type ScreenRow = { role: Role; screen: string; status: number; p50: number; max: number }
export type ReaderFigures = {
  requests: number
  p50: number
  p99: number
  max: number
  over100: number
}

/**
 * Opens every screen as every role while a reader reads `readerPath` (a cached article) one
 * request after another. Returns the screens' figures and the reader's.
 */
export async function adminScreens(origin: string, readerPath: string) {
  const rows: ScreenRow[] = []
  const reader: number[] = []
  let reading = true
  const readerLoop = (async () => {
    while (reading) {
      const { ms, status } = await timed(`${origin}${readerPath}`, {})
      if (status !== 200) throw new Error(`reader: ${readerPath} answered ${status}`)
      reader.push(ms)
    }
  })()
  try {
    for (const role of Object.keys(ROLES) as Role[]) {
      const token = await roleToken(origin, role)
      const auth = { Authorization: `JWT ${token}`, Cookie: `payload-token=${token}` }
      for (const [screen, path] of await screensFor(origin, auth)) {
        const times: number[] = []
        let status = 0
        for (let i = 0; i < REPEAT; i++) {
          const result = await timed(`${origin}${path}`, auth)
          times.push(result.ms)
          status = result.status
        }
        times.sort((a, b) => a - b)
        rows.push({
          role,
          screen,
          status,
          p50: round(quantile(times, 0.5)),
          max: round(times.at(-1)!),
        })
        console.log(JSON.stringify(rows.at(-1)))
      }
    }
  } finally {
    reading = false
    await readerLoop
  }
  reader.sort((a, b) => a - b)
  const figures: ReaderFigures = {
    requests: reader.length,
    p50: round(quantile(reader, 0.5)),
    p99: round(quantile(reader, 0.99)),
    max: round(reader.at(-1) ?? 0),
    over100: reader.filter((ms) => ms > 100).length,
  }
  return { rows, reader: figures }
}
