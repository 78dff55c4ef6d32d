import { randomBytes } from 'node:crypto'

import { expect, test } from '@playwright/test'

import { aggregateReviews, type AggregateInput } from '../../lib/reviewAggregates'
import { apiToken } from '../helpers/login'
import { reviewActionFields } from '../helpers/reviewForm'

// The review form under load, over HTTP as browsers without JavaScript send it: the page's
// form (with the hidden fields that name its server action) posted by 200 readers at once,
// then by one reader many times at once. Each reader is an address (X-Forwarded-For; the test
// server trusts it).

const AGENT = 'consul-links'
const READERS = 200
// a letter first: an all-digit run id starting with 0 (say 006376) reads as a phone number,
// which the review form rightly refuses in every title and body
const run = `r${randomBytes(3).toString('hex')}`

/** The hidden fields React renders into a server action's form for posts without JavaScript. */
async function actionFields(baseURL: string): Promise<[string, string][]> {
  const fields = await reviewActionFields(baseURL, AGENT)
  expect(fields.length, 'the form carries its action for posts without JavaScript').toBeGreaterThan(
    0,
  )
  return fields
}

// bodies that differ in more than a number, so that no two are near-duplicates of each other
const words = ['面談', '求人', '書類', '連絡', '年収', '条件', '推薦', '日程', '企業', '担当']
const bodyOf = (i: number) =>
  `${i}番目の読者です。` +
  Array.from({ length: 12 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join('と') +
  `について、登録から面談、応募までの流れを丁寧に説明してもらいました。紹介された求人は希望の条件に近く、書類の添削も具体的で役に立ちました。(${run}-${i})`

function post(baseURL: string, hidden: [string, string][], address: string, i: number) {
  const form = new FormData()
  for (const [name, value] of hidden) form.append(name, value)
  const fields: Record<string, string> = {
    rating: String((i % 5) + 1),
    sub_consultant: String(((i + 2) % 5) + 1),
    title: `読者${i}の体験 ${run}`,
    body: bodyOf(i),
    ageBand: ['20s', '30s', '40s'][i % 3],
    gender: 'no_answer',
    industry: 'it',
    experienceYears: '3_5',
    usedYear: '2025',
    usedMonth: String((i % 12) + 1),
    usage: 'interviewed',
    rewarded: i % 10 === 0 ? 'yes' : 'no',
    agree: 'on',
  }
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  return fetch(`${baseURL}/agents/${AGENT}/review`, {
    method: 'POST',
    body: form,
    headers: { Origin: baseURL, 'X-Forwarded-For': address },
  })
}

test('200 readers at once: each review is stored exactly once or refused clearly, a reader cannot beat the limit in parallel, and the figures equal a recount', async ({
  request,
  baseURL,
}) => {
  test.setTimeout(300_000)
  const hidden = await actionFields(baseURL!)
  const answers = await Promise.all(
    Array.from({ length: READERS }, async (_, i) => {
      const res = await post(
        baseURL!,
        hidden,
        `10.${run.length}.${Math.floor(i / 250)}.${i % 250}`,
        i,
      )
      const html = await res.text()
      return {
        i,
        status: res.status,
        received: html.includes('審査後に掲載されます'),
        refused: /<[^>]*role="alert"[^>]*>/.test(html),
      }
    }),
  )
  expect(answers.filter((a) => a.status !== 200)).toEqual([])
  // every answer is one or the other, never a silent page
  expect(answers.filter((a) => a.received === a.refused)).toEqual([])

  const editor = await apiToken(request, 'editor')
  const auth = { Authorization: `JWT ${editor}` }
  const stored = async (title: string) =>
    (
      (await (
        await request.get(
          `/api/reviews?where[title][like]=${encodeURIComponent(title)}&limit=1000&depth=0`,
          {
            headers: auth,
          },
        )
      ).json()) as {
        docs: (AggregateInput & { id: string | number; title: string; status: string })[]
      }
    ).docs
  const docs = await stored(run)
  const titles = docs.map((d) => d.title)
  expect(new Set(titles).size, 'no review stored twice').toBe(titles.length)
  const receivedTitles = answers.filter((a) => a.received).map((a) => `読者${a.i}の体験 ${run}`)
  expect(titles.sort()).toEqual(receivedTitles.sort())
  expect(receivedTitles.length, 'distinct readers are not refused').toBe(READERS)
  expect(docs.every((d) => d.status === 'pending')).toBe(true)

  // one reader, twelve posts at once for the same agent: one is stored (1 per agent per 30 days)
  const burst = await Promise.all(
    Array.from({ length: 12 }, async (_, k) => {
      const res = await post(baseURL!, hidden, `10.250.${run.length}.7`, 1000 + k)
      return (await res.text()).includes('審査後に掲載されます')
    }),
  )
  expect(burst.filter(Boolean)).toHaveLength(1)
  const burstStored = (await stored(run)).filter((d) => /読者10\d\dの/.test(d.title))
  expect(burstStored).toHaveLength(1)

  // approve them all: the agent's figures equal a recount of its approved reviews
  const approve = await request.patch(`/api/reviews?where[title][like]=${run}&depth=0`, {
    headers: auth,
    data: { status: 'approved' },
  })
  expect(approve.status(), await approve.text()).toBe(200)
  const agents = await request.get(`/api/agents?where[slug][equals]=${AGENT}&depth=0`, {
    headers: auth,
  })
  const agent = (
    (await agents.json()) as {
      docs: {
        id: string | number
        reviewCount: number
        ratingAverage: number
        ratingDistribution: unknown
      }[]
    }
  ).docs[0]
  const approved = (
    (await (
      await request.get(
        `/api/reviews?where[agent][equals]=${agent.id}&where[status][equals]=approved&limit=10000&depth=0`,
        { headers: auth },
      )
    ).json()) as { docs: AggregateInput[] }
  ).docs
  const recount = aggregateReviews(approved)
  expect({
    reviewCount: agent.reviewCount,
    ratingAverage: agent.ratingAverage,
    ratingDistribution: agent.ratingDistribution,
  }).toEqual({
    reviewCount: recount.reviewCount,
    ratingAverage: recount.ratingAverage,
    ratingDistribution: recount.ratingDistribution,
  })
  expect(recount.reviewCount).toBeGreaterThanOrEqual(READERS + 1)

  // leave the agent as the other tests know it
  const removed = await request.delete(`/api/reviews?where[title][like]=${run}&depth=0`, {
    headers: auth,
  })
  expect(removed.status()).toBe(200)
})
