import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { expect, test } from '@playwright/test'

import { clearRuntimeCaches } from '../../lib/runtimeCaches'
import {
  actionForm,
  readerReview,
  reviewActionFields,
  reviewListActions,
} from '../helpers/reviewForm'

// What a restart and a crash do to the clicks, against a production server of its own (the
// same build and scripts/server.ts the shared test server runs, on its own port and database):
//
// - SIGTERM (a deploy): requests in flight are answered, the click buffer is flushed, the
//   process exits within 10 s, and every redirect a reader received has its click stored.
// - kill -9 (a crash): what the click buffer promises (lib/clicks/buffer.ts): at most the
//   clicks of the last flush interval (1 s) plus the batch being written are lost. Checked with
//   a 2 s margin: every click answered more than 2 s before the kill is stored.
//
// Each redirect carries its click id in the ASP's sub-ID parameter (the demo settings put
// {click} in sub_id), so the test knows exactly which clicks a reader was answered for.

const PORT = Number(process.env.E2E_PORT || 3300) + 17
const ORIGIN = `http://127.0.0.1:${PORT}`
const DATA = path.resolve('data/e2e-restart')
const DATABASE_URI = `file:${path.join(DATA, 'site.db')}`
const LINK = 'michibiki-a8'
const env = {
  ...process.env,
  NODE_ENV: 'production' as const,
  PORT: String(PORT),
  HOST: '127.0.0.1',
  SITE_URL: ORIGIN,
  DATABASE_URI,
  // the drill's readers post reviews from addresses of their own (sign-in and review limits)
  TRUST_PROXY: '1',
}

test.describe.configure({ mode: 'serial' })
test.setTimeout(180_000)

let server: ChildProcess | null = null

function start(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  server = child
  return child
}

async function ready(child: ChildProcess) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`)
    const ok = await fetch(`${ORIGIN}/`).then(
      (res) => res.ok,
      () => false,
    )
    if (ok) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('the server did not start in time')
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode })
    else child.once('exit', (code, signal) => resolve({ code, signal }))
  })

type Answered = { clickId: string; at: number }

/**
 * Readers clicking the CTA from several connections until the server stops answering: each
 * redirect received, with the click id from its sub-ID and when it arrived.
 */
function clickUntilStopped(workers: number) {
  const answered: Answered[] = []
  let stop = false
  const worker = async (n: number) => {
    for (let i = 0; !stop; i++) {
      try {
        const res = await fetch(`${ORIGIN}/go/${LINK}?from=agent-michibiki&slot=agent-page`, {
          redirect: 'manual',
          headers: {
            'User-Agent': `Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0 Safari/537.36 r${n}`,
          },
        })
        await res.arrayBuffer()
        if (res.status !== 302) throw new Error(`/go/ answered ${res.status}`)
        const clickId = new URL(res.headers.get('location')!).searchParams.get('sub_id')
        if (!clickId) throw new Error('the redirect carries no sub-ID')
        answered.push({ clickId, at: Date.now() })
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('/go/')) throw error
        return // connection refused or cut: the server is gone
      }
    }
  }
  const running = Promise.all(Array.from({ length: workers }, (_, n) => worker(n)))
  return {
    answered,
    done: () => {
      stop = true
      return running
    },
    running,
  }
}

/** A demo account's JWT, signed in through the REST API. */
async function tokenOf(role: 'admin' | 'editor'): Promise<string> {
  const login = await fetch(`${ORIGIN}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: `${role}@example.com`,
      password: process.env.DEMO_PASSWORD || `${role}-demo-2026`,
    }),
  })
  return ((await login.json()) as { token: string }).token
}

/** The click ids stored for the link, read back through the REST API as the demo admin. */
async function storedClickIds(): Promise<string[]> {
  const token = await tokenOf('admin')
  const ids: string[] = []
  for (let page = 1; ; page++) {
    const res = await fetch(
      `${ORIGIN}/api/clicks?where[link.slug][equals]=${LINK}&select[clickId]=true&depth=0&limit=1000&page=${page}&sort=createdAt`,
      { headers: { Authorization: `JWT ${token}` } },
    )
    expect(res.status).toBe(200)
    const body = (await res.json()) as { docs: { clickId: string }[]; hasNextPage: boolean }
    ids.push(...body.docs.map((d) => d.clickId))
    if (!body.hasNextPage) return ids
  }
}

/** How many documents a collection holds, read through the REST API. */
async function totalDocs(collection: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(`${ORIGIN}/api/${collection}?limit=1&depth=0`, { headers })
  expect(res.status).toBe(200)
  return ((await res.json()) as { totalDocs: number }).totalDocs
}

test.beforeAll(() => {
  rmSync(DATA, { recursive: true, force: true })
  const seeded = spawnSync(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'scripts/seed.ts'],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  expect(seeded.status, 'the demo content is seeded').toBe(0)
})

test.afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGKILL')
    await exited(server)
  }
  rmSync(DATA, { recursive: true, force: true })
})

test('a deploy (SIGTERM) in the middle of a load answers what is in flight, stores every click it answered and exits within 10 s', async () => {
  const child = start()
  await ready(child)
  const before = new Set(await storedClickIds())

  const load = clickUntilStopped(24)
  await new Promise((r) => setTimeout(r, 2_500))
  const stoppedAt = Date.now()
  child.kill('SIGTERM')
  const { code } = await exited(child)
  const stopMs = Date.now() - stoppedAt
  await load.done()

  expect(code, 'a clean exit').toBe(0)
  expect(stopMs).toBeLessThan(10_000)
  expect(load.answered.length, 'the load reached the server').toBeGreaterThan(100)

  await ready(start())
  const stored = new Set((await storedClickIds()).filter((id) => !before.has(id)))
  const missing = load.answered.filter((a) => !stored.has(a.clickId))
  console.log(
    `SIGTERM: ${load.answered.length} redirects answered, ${stored.size} clicks stored, ${missing.length} missing, exit in ${stopMs} ms`,
  )
  expect(missing).toEqual([])
  // nothing stored twice, nothing the readers were not answered for (beyond a response cut
  // off by the close itself, at most one per connection)
  expect(stored.size - load.answered.length).toBeLessThanOrEqual(24)
})

test('a crash (kill -9) loses at most the clicks of the last flush interval: every click answered 2 s before it is stored', async () => {
  const child = server!
  expect(child.exitCode, 'the restarted server from the previous test is running').toBeNull()
  const before = new Set(await storedClickIds())

  const load = clickUntilStopped(24)
  await new Promise((r) => setTimeout(r, 3_500))
  const killedAt = Date.now()
  child.kill('SIGKILL')
  const { signal } = await exited(child)
  await load.done()
  expect(signal).toBe('SIGKILL')

  await ready(start())
  const all = await storedClickIds()
  expect(new Set(all).size, 'no click stored twice').toBe(all.length)
  const stored = new Set(all.filter((id) => !before.has(id)))
  const promised = load.answered.filter((a) => a.at < killedAt - 2_000)
  const lastTwoSeconds = load.answered.length - promised.length
  const lost = load.answered.filter((a) => !stored.has(a.clickId))
  console.log(
    `kill -9: ${load.answered.length} redirects answered (${lastTwoSeconds} in the last 2 s), ${lost.length} clicks lost`,
  )
  expect(promised.length, 'the load ran long enough to test the promise').toBeGreaterThan(100)
  expect(promised.filter((a) => !stored.has(a.clickId))).toEqual([])
  expect(lost.length).toBeLessThanOrEqual(lastTwoSeconds)
  // the site serves on the same database after the crash
  expect((await fetch(`${ORIGIN}/`)).status).toBe(200)
})

// The drill: writes of every kind a reader or the staff make, from several clients, and a crash
// in the middle. Every write acknowledged with a 2xx before the kill must be there afterwards.
const EDITED = ['job-change-timing', 'resume-writing-basics']
const REVIEWED = ['consul-links', 'high-career-bridge']

test('a crash (kill -9) during writes of every kind keeps every acknowledged write, and the site restarts consistent and fresh', async () => {
  const child = server!
  expect(child.exitCode, 'the restarted server from the previous test is running').toBeNull()
  const editor = {
    Authorization: `JWT ${await tokenOf('editor')}`,
    'Content-Type': 'application/json',
  }
  const ids = new Map<string, string | number>()
  for (const slug of EDITED) {
    const found = await fetch(`${ORIGIN}/api/articles?where[slug][equals]=${slug}&depth=0`, {
      headers: editor,
    })
    ids.set(slug, ((await found.json()) as { docs: { id: string | number }[] }).docs[0].id)
  }
  const forms = new Map<string, [string, string][]>()
  for (const agent of REVIEWED) forms.set(agent, await reviewActionFields(ORIGIN, agent))
  const listActions = await reviewListActions(ORIGIN, REVIEWED[0])
  expect(listActions.votes.length, 'the agent page shows reviews to vote on').toBeGreaterThan(1)
  expect(listActions.reports.length).toBe(listActions.votes.length)
  const run = Date.now().toString(36)
  const adminBefore = { Authorization: `JWT ${await tokenOf('admin')}` }
  const votesBefore = await totalDocs('review-votes', adminBefore)

  let stop = false
  // an editor per article, one edit after another: the last acknowledged and the one in flight
  const edits = new Map<string, { acked: string | null; inFlight: string | null }>()
  const editArticle = async (slug: string) => {
    const state = { acked: null as string | null, inFlight: null as string | null }
    edits.set(slug, state)
    for (let i = 0; !stop; i++) {
      const lead = `障害訓練${run}の編集${i}。在職中の転職活動の進め方を整理します。`
      state.inFlight = lead
      try {
        const res = await fetch(`${ORIGIN}/api/articles/${ids.get(slug)}?depth=0`, {
          method: 'PATCH',
          headers: editor,
          body: JSON.stringify({ lead }),
        })
        await res.arrayBuffer()
        if (res.ok) state.acked = lead
        state.inFlight = null
      } catch {
        return // the server is gone (the edit in flight may or may not have been stored)
      }
    }
  }
  // readers posting reviews, each from an address of their own
  const acknowledgedReviews: string[] = []
  const reviewer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const n = w * 10_000 + i
      const agent = REVIEWED[n % REVIEWED.length]
      const title = `障害訓練 ${run} 投稿${n}`
      const form = readerReview(forms.get(agent)!, n, title, `${run}-${n}`)
      try {
        const res = await fetch(`${ORIGIN}/agents/${agent}/review`, {
          method: 'POST',
          body: form,
          headers: { Origin: ORIGIN, 'X-Forwarded-For': `10.66.${w}.${i % 250}` },
        })
        const html = await res.text()
        if (res.status === 200 && html.includes('審査後に掲載されます'))
          acknowledgedReviews.push(title)
      } catch {
        return
      }
    }
  }
  // readers posting a form of the agent page, each from an address of their own (no cookie), until
  // the server is gone: what each acknowledged, named by `sent`, counted by the page's answer
  const postUntilStopped = async (
    net: string,
    answer: string,
    next: (i: number) => { body: FormData; sent: string },
    acknowledged: string[],
  ) => {
    for (let i = 0; !stop; i++) {
      const { body, sent } = next(i)
      try {
        const res = await fetch(`${ORIGIN}/agents/${REVIEWED[0]}`, {
          method: 'POST',
          body,
          headers: { Origin: ORIGIN, 'X-Forwarded-For': `${net}.${i % 250}` },
        })
        const html = await res.text()
        if (res.status === 200 && html.includes(answer)) acknowledged.push(sent)
      } catch {
        return
      }
    }
  }
  // readers voting 「参考になった」
  const acknowledgedVotes: string[] = []
  const voter = (w: number) =>
    postUntilStopped(
      `10.67.${w}`,
      '投票しました',
      (i) => ({
        body: actionForm(listActions.votes[i % listActions.votes.length]!),
        sent: `${w}-${i}`,
      }),
      acknowledgedVotes,
    )
  // readers reporting reviews to the moderators, with a note that names the report
  const acknowledgedReports: string[] = []
  const reporter = (w: number) =>
    postUntilStopped(
      `10.68.${w}`,
      '通報を受け付けました',
      (i) => {
        const note = `障害訓練${run}の通報${w}-${i}`
        const hidden = listActions.reports[i % listActions.reports.length]!
        return { body: actionForm(hidden, { reason: 'other', note }), sent: note }
      },
      acknowledgedReports,
    )
  const clicks = clickUntilStopped(8)
  const writers = Promise.all([
    ...EDITED.map(editArticle),
    ...[1, 2, 3].map(reviewer),
    ...[1, 2].map(voter),
    ...[1, 2].map(reporter),
  ])
  // the kill comes once every kind of write has been acknowledged a few times (a slow machine
  // takes longer to get there; 60 s at most), so that it lands among writes of every kind
  const startedAt = Date.now()
  const underway = () =>
    acknowledgedReviews.length > 3 &&
    acknowledgedVotes.length > 3 &&
    acknowledgedReports.length > 3 &&
    [...edits.values()].every((e) => e.acked !== null)
  while (Date.now() - startedAt < 4_000 || (!underway() && Date.now() - startedAt < 60_000))
    await new Promise((r) => setTimeout(r, 100))
  const killedAt = Date.now()
  child.kill('SIGKILL')
  await exited(child)
  stop = true
  await Promise.all([writers, clicks.done()])

  // the database file itself is sound after the crash
  const db = createClient({ url: DATABASE_URI })
  expect((await db.execute('PRAGMA integrity_check')).rows[0]).toMatchObject({
    integrity_check: 'ok',
  })
  db.close()

  // restarted as npm start does: cold runtime caches, then the server
  clearRuntimeCaches(process.cwd())
  await ready(start())
  const admin = { Authorization: `JWT ${await tokenOf('admin')}` }

  // every acknowledged review is stored
  expect(acknowledgedReviews.length, 'reviews were acknowledged before the crash').toBeGreaterThan(
    3,
  )
  const stored = await fetch(
    `${ORIGIN}/api/reviews?where[title][like]=${encodeURIComponent(`障害訓練 ${run}`)}&limit=1000&depth=0&select[title]=true`,
    { headers: admin },
  )
  const storedTitles = new Set(
    ((await stored.json()) as { docs: { title: string }[] }).docs.map((d) => d.title),
  )
  expect(acknowledgedReviews.filter((t) => !storedTitles.has(t))).toEqual([])

  // every acknowledged vote and report is stored (a vote in flight at the kill may be too)
  expect(acknowledgedVotes.length, 'votes were acknowledged before the crash').toBeGreaterThan(3)
  const votesStored = (await totalDocs('review-votes', admin)) - votesBefore
  expect(votesStored).toBeGreaterThanOrEqual(acknowledgedVotes.length)
  expect(votesStored).toBeLessThanOrEqual(acknowledgedVotes.length + 2)
  expect(acknowledgedReports.length, 'reports were acknowledged before the crash').toBeGreaterThan(
    3,
  )
  const reports = await fetch(
    `${ORIGIN}/api/review-reports?where[note][like]=${encodeURIComponent(`障害訓練${run}`)}&limit=1000&depth=0&select[note]=true`,
    { headers: admin },
  )
  expect(reports.status).toBe(200)
  const storedNotes = new Set(
    ((await reports.json()) as { docs: { note: string }[] }).docs.map((d) => d.note),
  )
  expect(acknowledgedReports.filter((note) => !storedNotes.has(note))).toEqual([])

  // each article holds its last acknowledged edit (or the one in flight), and its page shows it
  for (const [slug, { acked, inFlight }] of edits) {
    expect(acked, `${slug} was edited before the crash`).not.toBeNull()
    const res = await fetch(`${ORIGIN}/api/articles/${ids.get(slug)}?depth=0`, { headers: admin })
    const { lead } = (await res.json()) as { lead: string }
    expect([acked, inFlight]).toContain(lead)
    const page = await (await fetch(`${ORIGIN}/articles/${slug}`)).text()
    expect(page, `the page of ${slug} is no older than the database`).toContain(lead.slice(0, 24))
  }

  // clicks: as the click buffer promises (every click answered 2 s before the kill is stored)
  const storedClicks = new Set(await storedClickIds())
  const promised = clicks.answered.filter((a) => a.at < killedAt - 2_000)
  expect(promised.length).toBeGreaterThan(20)
  expect(promised.filter((a) => !storedClicks.has(a.clickId))).toEqual([])
  console.log(
    `crash drill: ${edits.size} articles edited, ${acknowledgedReviews.length} reviews, ${acknowledgedVotes.length} votes and ${acknowledgedReports.length} reports acknowledged (all stored), ${clicks.answered.length} redirects answered, ${promised.length} promised (all stored)`,
  )
})
