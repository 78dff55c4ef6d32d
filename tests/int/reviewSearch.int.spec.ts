// Words searched within an agent's reviews (?q= on the agent page): the index follows each
// review's state through the collection's hooks, and the list filters, sorts and counts the
// matches as it does every review.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { JOBS_QUEUE } from '@/lib/jobsRunner'
import { getApprovedReviews } from '@/lib/queries/agents'
import { normalizeQuery } from '@/lib/search'
import { reviewStoreFor } from '@/lib/searchIndex'
import { ensureReviewSearch, searchAgentReviews } from '@/lib/searchIndex/reviews'
import type { Agent, Review, User } from '@/payload-types'
import { createAgent, createRoleUsers, reviewData } from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

let payload: Payload
let editor: User

beforeAll(async () => {
  payload = await getTestPayload()
  editor = (await createRoleUsers(payload)).editor
})

// bodies reach the form's minimum with words none of the searches look for, and differ
let written = 0
const FILLER =
  'ここから先は利用してみての全体の感想です。良かった点も気になった点も含めて、できるだけ正直に書きました。これから使う人の参考になればうれしいです。'
const withFiller = (overrides: Record<string, unknown>) =>
  typeof overrides.body === 'string'
    ? { ...overrides, body: `${overrides.body}${FILLER}(${++written})` }
    : overrides

const approved = (agent: Agent, overrides: Record<string, unknown>) =>
  payload.create({
    collection: 'reviews',
    data: reviewData(agent.id, { status: 'approved', ...withFiller(overrides) }),
    overrideAccess: true,
  })

const decide = (review: Review, data: Partial<Review>) =>
  payload.update({
    collection: 'reviews',
    id: review.id,
    data: withFiller(data),
    user: editor,
    overrideAccess: false,
  })

/** The titles the agent page lists for ?q=… (and filters), in its order. */
const listed = async (
  agent: Agent,
  q: string,
  more: Record<string, unknown> = {},
  sort = 'newest',
) =>
  (
    await getApprovedReviews(agent.id, 1, sort as 'newest', 10, { q: normalizeQuery(q), ...more })
  ).docs.map((review) => review.title)

describe('searching within an agent’s reviews', () => {
  it('finds approved reviews by title or body words, folded, and only that agent’s', async () => {
    const agent = await createAgent(payload)
    const other = await createAgent(payload)
    await approved(agent, {
      title: '面談が丁寧でした',
      body: '担当者が年収の交渉を最後まで粘ってくれて、提示額が上がりました。',
      submittedAt: '2026-03-01T00:00:00.000Z',
      rating: 5,
    })
    await approved(agent, {
      title: '求人の数は多い',
      body: 'ＩＴ系の求人を年収の高い順に紹介されましたが、連絡は遅めでした。',
      submittedAt: '2026-04-01T00:00:00.000Z',
      rating: 3,
    })
    await approved(other, {
      title: '年収が上がった',
      body: '別のエージェントで年収交渉をしました。',
    })
    await payload.create({
      collection: 'reviews',
      data: reviewData(agent.id, { title: '審査待ちの年収の話' }),
      overrideAccess: true,
    })

    expect(await listed(agent, '年収')).toEqual(['求人の数は多い', '面談が丁寧でした'])
    expect(await listed(agent, '面談')).toEqual(['面談が丁寧でした'])
    expect(await listed(agent, 'ｉｔ')).toEqual(['求人の数は多い'])
    expect(await listed(agent, '年収　交渉')).toEqual(['面談が丁寧でした'])
    expect(await listed(agent, '転職')).toEqual([])
    // with the list's filters and sorts
    expect(await listed(agent, '年収', { rating: 5 })).toEqual(['面談が丁寧でした'])
    expect(await listed(agent, '年収', {}, 'lowest')).toEqual([
      '求人の数は多い',
      '面談が丁寧でした',
    ])
    const page = await getApprovedReviews(agent.id, 1, 'newest', 10, { q: '年収' })
    expect(page.totalDocs).toBe(2)
    expect(page.search).toMatchObject({ searched: ['年収'], capped: false, narrowed: false })
  })

  it('follows each review out of and back into the list as staff decide', async () => {
    const agent = await createAgent(payload)
    const review = await approved(agent, {
      title: '書類の添削が具体的',
      body: '職務経歴書を三回見てもらいました。',
    })
    expect(await listed(agent, '添削')).toEqual(['書類の添削が具体的'])

    await decide(review, { status: 'rejected', rejectionCategory: 'spam' } as Partial<Review>)
    expect(await listed(agent, '添削')).toEqual([])
    await decide(review, { status: 'approved' })
    expect(await listed(agent, '添削')).toEqual(['書類の添削が具体的'])
    // an edit by staff is searched as it reads now
    await decide(review, { body: '面接の対策を三回してもらいました。' })
    expect(await listed(agent, '経歴')).toEqual([])
    expect(await listed(agent, '対策')).toEqual(['書類の添削が具体的'])

    await payload.delete({ collection: 'reviews', id: review.id, overrideAccess: true })
    expect(await listed(agent, '対策')).toEqual([])
    expect(
      await reviewStoreFor(payload).search(
        String(agent.id),
        [{ tokens: ['対策'], prefix: false, titleOnly: false }],
        10,
      ),
    ).toMatchObject({ ids: [] })
  })

  it('leaves one-character words out and says so', async () => {
    const agent = await createAgent(payload)
    await approved(agent, { title: '年収が上がった', body: '年に一度の面談があります。' })
    const search = await searchAgentReviews(payload, agent.id, normalizeQuery('年 の 年収'))
    expect(search.searched).toEqual(['年収'])
    expect(search.ignored).toEqual(['の', '年'])
    expect(search.ids).toHaveLength(1)
    const none = await searchAgentReviews(payload, agent.id, normalizeQuery('年'))
    expect(none).toMatchObject({ searched: [], ignored: ['年'], ids: [] })
  })

  it('is filled again at start-up when empty: here when reviews are few, else by a job', async () => {
    const agent = await createAgent(payload)
    await approved(agent, {
      title: '求人の質が高い',
      body: '紹介された求人はどれも希望に沿っていました。',
    })
    const store = reviewStoreFor(payload)

    await store.clear()
    expect(await listed(agent, '希望')).toEqual([])
    await ensureReviewSearch(payload)
    expect(await listed(agent, '希望')).toEqual(['求人の質が高い'])

    // many reviews: the job fills the index, queued once however often the server starts
    await store.clear()
    await ensureReviewSearch(payload, { buildUpTo: 0 })
    await ensureReviewSearch(payload, { buildUpTo: 0 })
    const queued = await payload.find({
      collection: 'payload-jobs',
      where: {
        and: [{ taskSlug: { equals: 'rebuildReviewSearch' } }, { completedAt: { exists: false } }],
      },
      overrideAccess: true,
    })
    expect(queued.totalDocs).toBe(1)
    expect(await listed(agent, '希望')).toEqual([])
    await payload.jobs.run({ queue: JOBS_QUEUE })
    expect(await listed(agent, '希望')).toEqual(['求人の質が高い'])
    expect(await store.size()).toBeGreaterThan(0)
  })
})
