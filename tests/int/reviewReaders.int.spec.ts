// What readers do with published reviews besides reading them: 「通報」 reports for the
// moderators, 「参考になった」 votes (one per reader), and the privacy rule on attribute chips.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getApprovedReviews, getPublicReview } from '@/lib/queries/agents'
import { readerAddressHash } from '@/lib/readerIdentity'
import { REPORT_LIMITS, reportReview } from '@/lib/reviewReports'
import { voteHelpful } from '@/lib/reviewVotes'
import type { Agent, Review, User } from '@/payload-types'
import { createAgent, createRoleUsers, reviewData } from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'
import { runsOn } from '@/tests/helpers/testDatabase'

let payload: Payload
let users: Awaited<ReturnType<typeof createRoleUsers>>
let n = 0
const address = () => `198.51.100.${++n % 250}:${n}` // a distinct reader each time

const form = (fields: Record<string, string | readonly string[]>) => ({
  getAll: (name: string) => {
    const value = fields[name]
    return value === undefined ? [] : typeof value === 'string' ? [value] : [...value]
  },
})

const approvedReview = async (agent: Agent, overrides: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'reviews',
    data: reviewData(agent.id, { status: 'approved', ...overrides }),
    overrideAccess: true,
  })

const reportsOf = async (review: Review['id']) =>
  (
    await payload.find({
      collection: 'review-reports',
      where: { review: { equals: review } },
      depth: 0,
      overrideAccess: true,
    })
  ).docs

beforeAll(async () => {
  payload = await getTestPayload()
  users = await createRoleUsers(payload)
})

describe('reports (通報)', () => {
  it('explain what is missing, in Japanese, and store nothing', async () => {
    const agent = await createAgent(payload)
    const review = await approvedReview(agent)
    const id = String(review.id)
    const cases = [
      [{}, 'reason', '通報の理由を選んでください。'],
      [{ reason: 'constructor' }, 'reason', '通報の理由を選んでください。'],
      [{ reason: ['spam', 'other'] }, 'reason', '通報の理由を選んでください。'],
      [{ reason: 'other', note: ' \u200b ' }, 'note', '「その他」の場合'],
      [{ reason: 'spam', note: 'あ'.repeat(501) }, 'note', '500文字以内'],
    ] as const
    for (const [fields, field, message] of cases) {
      const result = await reportReview(payload, {
        reviewId: id,
        form: form(fields),
        address: address(),
      })
      expect(result.status, JSON.stringify(fields)).toBe('invalid')
      if (result.status === 'invalid') expect(result.errors[field]).toContain(message)
    }
    expect(await reportsOf(review.id)).toHaveLength(0)
  })

  it('only concern reviews readers can see', async () => {
    const agent = await createAgent(payload)
    const pending = await payload.create({
      collection: 'reviews',
      data: reviewData(agent.id),
      overrideAccess: true,
    })
    for (const reviewId of [String(pending.id), '999999999', '1 OR 1=1', '../1']) {
      const result = await reportReview(payload, {
        reviewId,
        form: form({ reason: 'spam' }),
        address: address(),
      })
      expect(result.status).toBe('invalid')
      if (result.status === 'invalid') expect(result.errors.form).toContain('見つかりませんでした')
    }
  })

  it('reach the moderators with the reason and a hash, while the review stays published', async () => {
    const agent = await createAgent(payload)
    const review = await approvedReview(agent)
    const from = address()
    const result = await reportReview(payload, {
      reviewId: String(review.id),
      form: form({ reason: 'personal_info', note: '実名が\u200b書かれています<script>' }),
      address: from,
    })
    expect(result).toEqual({ status: 'received' })
    const [report] = await reportsOf(review.id)
    expect(report).toMatchObject({
      reason: 'personal_info',
      note: '実名が書かれています<script>', // stored as plain text, rendered as text
      status: 'open',
      reporterHash: readerAddressHash(from),
      reviewTitle: review.title,
    })
    expect(JSON.stringify(report)).not.toContain(from.split(':')[0])
    const stillThere = await payload.find({
      collection: 'reviews',
      where: { id: { equals: review.id } },
      overrideAccess: false,
    })
    expect(stillThere.docs).toHaveLength(1)

    // the same reader cannot report the same review twice
    const again = await reportReview(payload, {
      reviewId: String(review.id),
      form: form({ reason: 'spam' }),
      address: from,
    })
    expect(again.status).toBe('invalid')
    if (again.status === 'invalid') expect(again.errors.form).toContain('すでに通報')
    expect(await reportsOf(review.id)).toHaveLength(1)
  })

  it(`are limited to ${REPORT_LIMITS.perDay} a day per reader`, async () => {
    const agent = await createAgent(payload)
    const from = address()
    const results: string[] = []
    for (let i = 0; i < REPORT_LIMITS.perDay + 2; i++) {
      const review = await approvedReview(agent)
      const result = await reportReview(payload, {
        reviewId: String(review.id),
        form: form({ reason: 'spam' }),
        address: from,
      })
      results.push(result.status)
    }
    expect(results.filter((s) => s === 'received')).toHaveLength(REPORT_LIMITS.perDay)
    expect(results.slice(-2)).toEqual(['invalid', 'invalid'])
  })

  it('are closed by a moderator’s decision, which is recorded like any other', async () => {
    const agent = await createAgent(payload)
    const kept = await approvedReview(agent, { rating: 1 })
    const removed = await approvedReview(agent, { rating: 5 })
    for (const review of [kept, removed])
      await reportReview(payload, {
        reviewId: String(review.id),
        form: form({ reason: 'not_firsthand' }),
        address: address(),
      })
    const [keptReport] = await reportsOf(kept.id)
    await payload.update({
      collection: 'review-reports',
      id: keptReport.id,
      data: { status: 'dismissed' },
      user: users.editor as User,
      overrideAccess: false,
    })
    await payload.update({
      collection: 'reviews',
      id: removed.id,
      data: { status: 'rejected', rejectionCategory: 'not_firsthand' },
      user: users.editor as User,
      overrideAccess: false,
    })
    expect((await reportsOf(removed.id))[0].status).toBe('upheld')
    const decisions = await payload.find({
      collection: 'review-decisions',
      where: { and: [{ review: { in: [kept.id, removed.id] } }, { by: { exists: true } }] },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
    })
    expect(
      decisions.docs.map(({ review, decision, note, by }) => ({ review, decision, note, by })),
    ).toEqual([
      {
        review: kept.id,
        decision: 'approved',
        note: '通報(実際の体験ではないと思われる)を確認し、掲載を継続',
        by: users.editor.id,
      },
      { review: removed.id, decision: 'rejected', note: null, by: users.editor.id },
    ])
  })

  it('are read and answered by editors only, and no one changes what a reader wrote', async () => {
    const agent = await createAgent(payload)
    const review = await approvedReview(agent)
    await reportReview(payload, {
      reviewId: String(review.id),
      form: form({ reason: 'spam' }),
      address: address(),
    })
    const [report] = await reportsOf(review.id)
    for (const role of ['writer', 'marketer'] as const) {
      await expect(
        payload.find({
          collection: 'review-reports',
          user: users[role] as User,
          overrideAccess: false,
        }),
        role,
      ).rejects.toThrow('許可されていません')
      await expect(
        payload.update({
          collection: 'review-reports',
          id: report.id,
          data: { status: 'dismissed' },
          user: users[role] as User,
          overrideAccess: false,
        }),
      ).rejects.toThrow()
    }
    await expect(
      payload.find({ collection: 'review-reports', overrideAccess: false }),
    ).rejects.toThrow()
    for (const role of ['editor', 'admin'] as const) {
      await expect(
        payload.create({
          collection: 'review-reports',
          data: { review: review.id, reason: 'spam', status: 'open' },
          user: users[role] as User,
          overrideAccess: false,
        }),
      ).rejects.toThrow()
      await expect(
        payload.delete({
          collection: 'review-reports',
          id: report.id,
          user: users[role] as User,
          overrideAccess: false,
        }),
      ).rejects.toThrow()
    }
    const edited = await payload.update({
      collection: 'review-reports',
      id: report.id,
      data: { reason: 'other', note: '書き換え', reporterHash: 'x', status: 'open' },
      user: users.editor as User,
      overrideAccess: false,
    })
    expect(edited).toMatchObject({ reason: 'spam', reporterHash: report.reporterHash })
    expect(edited.note ?? null).toBeNull()
  })
})

describe('参考になった votes', () => {
  const helpfulCount = async (id: Review['id']) =>
    (await payload.findByID({ collection: 'reviews', id, overrideAccess: true })).helpfulCount

  it('count one per reader: a second vote from the same cookie or the same address does not count', async () => {
    const agent = await createAgent(payload)
    const review = await approvedReview(agent)
    const reviewId = String(review.id)
    const reader = { reviewId, readerId: crypto.randomUUID(), address: address() }
    expect(await voteHelpful(payload, reader)).toEqual({ status: 'counted', count: 1 })
    expect(await voteHelpful(payload, reader)).toEqual({ status: 'already', count: 1 })
    // cookies cleared: same address, new id
    expect(await voteHelpful(payload, { ...reader, readerId: crypto.randomUUID() })).toEqual({
      status: 'already',
      count: 1,
    })
    // the same cookie from another network
    expect(await voteHelpful(payload, { ...reader, address: address() })).toEqual({
      status: 'already',
      count: 1,
    })
    expect(
      await voteHelpful(payload, { reviewId, readerId: crypto.randomUUID(), address: address() }),
    ).toEqual({ status: 'counted', count: 2 })
    expect(await helpfulCount(review.id)).toBe(2)
    // a vote is no moderation decision
    const decisions = await payload.count({
      collection: 'review-decisions',
      where: { review: { equals: review.id } },
      overrideAccess: true,
    })
    expect(decisions.totalDocs).toBe(1) // only the approval at creation
  })

  it.runIf(
    runsOn('unique-indexes', 'parallel votes of one reader are held to one by a unique index'),
  )('hold when one reader sends many votes at once', async () => {
    const agent = await createAgent(payload)
    const review = await approvedReview(agent)
    const reader = {
      reviewId: String(review.id),
      readerId: crypto.randomUUID(),
      address: address(),
    }
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => voteHelpful(payload, reader)),
    )
    const counted = results.filter((r) => r.status === 'fulfilled' && r.value.status === 'counted')
    expect(counted).toHaveLength(1)
    expect(await helpfulCount(review.id)).toBe(1)
  })

  it('are refused for reviews readers cannot see', async () => {
    const agent = await createAgent(payload)
    const pending = await payload.create({
      collection: 'reviews',
      data: reviewData(agent.id),
      overrideAccess: true,
    })
    const result = await voteHelpful(payload, {
      reviewId: String(pending.id),
      readerId: crypto.randomUUID(),
      address: address(),
    })
    expect(result.status).toBe('refused')
    expect(await helpfulCount(pending.id)).toBe(0)
  })

  it('order the list 参考になった順, and no API sets the count', async () => {
    const agent = await createAgent(payload)
    const reviews = [
      await approvedReview(agent),
      await approvedReview(agent),
      await approvedReview(agent),
    ]
    const votes = [1, 3, 2]
    for (const [i, review] of reviews.entries())
      for (let v = 0; v < votes[i]; v++)
        await voteHelpful(payload, {
          reviewId: String(review.id),
          readerId: crypto.randomUUID(),
          address: address(),
        })
    const page = await getApprovedReviews(agent.id, 1, 'helpful')
    expect(page.docs.map((r) => [r.id, r.helpfulCount])).toEqual([
      [reviews[1].id, 3],
      [reviews[2].id, 2],
      [reviews[0].id, 1],
    ])
    const edited = await payload.update({
      collection: 'reviews',
      id: reviews[0].id,
      data: { helpfulCount: 999 } as Partial<Review>,
      user: users.admin as User,
      overrideAccess: false,
    })
    expect(edited.helpfulCount).toBe(1)
    for (const role of ['editor', 'admin'] as const)
      await expect(
        payload.create({
          collection: 'review-votes',
          data: { review: reviews[0].id, readerKey: 'a', addressKey: 'b' },
          user: users[role] as User,
          overrideAccess: false,
        }),
      ).rejects.toThrow()
    // a deleted review takes its votes with it
    await payload.delete({ collection: 'reviews', id: reviews[1].id, overrideAccess: true })
    const left = await payload.count({
      collection: 'review-votes',
      where: { review: { equals: reviews[1].id } },
      overrideAccess: true,
    })
    expect(left.totalDocs).toBe(0)
  })
})

describe('attribute chips', () => {
  const person = {
    ageBand: '30s',
    gender: 'female',
    industry: 'finance',
    experienceYears: '10_plus',
  }

  it('never single a reader out: a rare combination is shown coarser, and filters do not reveal it', async () => {
    const agent = await createAgent(payload)
    const common = { ageBand: '30s', gender: 'male', industry: 'it', experienceYears: '1_3' }
    for (let i = 0; i < 4; i++) await approvedReview(agent, common)
    const rare = await approvedReview(agent, person)

    const { docs } = await getApprovedReviews(agent.id, 1, 'newest', 10)
    const shown = docs.find((r) => r.id === rare.id)
    expect(shown?.chips).toEqual(['30代'])
    expect(shown?.withheld).toBe(true)
    expect(docs.find((r) => r.id !== rare.id)?.chips).toEqual([
      '30代男性',
      'IT・通信',
      '実務経験1~3年',
    ])
    // the page's data carries the chips, never the answers
    expect(shown).not.toHaveProperty('gender')
    expect(shown).not.toHaveProperty('industry')

    const byIndustry = await getApprovedReviews(agent.id, 1, 'newest', 10, { industry: 'finance' })
    expect(byIndustry.totalDocs).toBe(0)
    const byAge = await getApprovedReviews(agent.id, 1, 'newest', 10, { ageBand: '30s' })
    expect(byAge.totalDocs).toBe(5)
    expect((await getPublicReview(rare.id, agent.id))?.chips).toEqual(['30代'])

    // with two more readers like this one, the three share every chip
    for (let i = 0; i < 2; i++) await approvedReview(agent, person)
    expect((await getPublicReview(rare.id, agent.id))?.chips).toEqual([
      '30代女性',
      '金融',
      '実務経験10年以上',
    ])
    expect(
      (await getApprovedReviews(agent.id, 1, 'newest', 10, { industry: 'finance' })).totalDocs,
    ).toBe(3)
  })

  it('are staff-only on the API, which readers could otherwise use to get round the rule', async () => {
    const agent = await createAgent(payload)
    const review = await payload.create({
      collection: 'reviews',
      data: reviewData(agent.id, { status: 'approved', ...person }),
      user: users.editor as User,
      overrideAccess: false,
    })
    const asReader = await payload.findByID({
      collection: 'reviews',
      id: review.id,
      overrideAccess: false,
    })
    for (const field of ['ageBand', 'gender', 'industry', 'experienceYears', 'attributeKey'])
      expect(asReader, field).not.toHaveProperty(field)
    const asEditor = await payload.findByID({
      collection: 'reviews',
      id: review.id,
      user: users.editor as User,
      overrideAccess: false,
    })
    expect(asEditor).toMatchObject({ ...person, attributeKey: '30s|female|finance|10_plus' })
    const agentAsReader = await payload.findByID({
      collection: 'agents',
      id: agent.id,
      overrideAccess: false,
    })
    expect(agentAsReader).not.toHaveProperty('reviewAttributeGroups')
  })
})
