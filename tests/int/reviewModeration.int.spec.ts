// Moderation decisions: a reason from the fixed list, and a record of every decision that no
// API can add to, change or remove.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { aggregateReviews } from '@/lib/reviewAggregates'
import type { Agent, User } from '@/payload-types'
import { createAgent, createRoleUsers, reviewData } from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

let payload: Payload
let agent: Agent
let users: Awaited<ReturnType<typeof createRoleUsers>>

const as = (user: User) => ({ user, overrideAccess: false as const, depth: 0 })

beforeAll(async () => {
  payload = await getTestPayload()
  agent = await createAgent(payload)
  users = await createRoleUsers(payload)
})

const decisionsOf = async (review: number | string) =>
  (
    await payload.find({
      collection: 'review-decisions',
      where: { review: { equals: review } },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
    })
  ).docs

describe('moderation decisions', () => {
  it('are recorded with who, from, to, reason and the rating at that moment', async () => {
    const review = await payload.create({
      collection: 'reviews',
      data: reviewData(agent.id, { rating: 2 }),
      overrideAccess: true,
    })
    expect(await decisionsOf(review.id)).toHaveLength(0) // waiting is not a decision
    await payload.update({
      collection: 'reviews',
      id: review.id,
      data: { status: 'rejected', rejectionCategory: 'personal_info' },
      ...as(users.editor as User),
    })
    await payload.update({
      collection: 'reviews',
      id: review.id,
      data: { status: 'approved' },
      ...as(users.admin as User),
    })
    const decisions = await decisionsOf(review.id)
    expect(
      decisions.map(({ from, decision, reasonCategory, rating, by }) => ({
        from,
        decision,
        reasonCategory,
        rating,
        by,
      })),
    ).toEqual([
      {
        from: 'pending',
        decision: 'rejected',
        reasonCategory: 'personal_info',
        rating: 2,
        by: users.editor.id,
      },
      {
        from: 'rejected',
        decision: 'approved',
        reasonCategory: null,
        rating: 2,
        by: users.admin.id,
      },
    ])
  })

  it('need a reason from the list, and 「その他」 needs it written out', async () => {
    const review = await payload.create({
      collection: 'reviews',
      data: reviewData(agent.id),
      overrideAccess: true,
    })
    const refusal = (data: Record<string, unknown>) =>
      payload
        .update({ collection: 'reviews', id: review.id, data, ...as(users.editor as User) })
        .then(
          () => null,
          (e: { data?: { errors?: { path: string; message: string }[] } }) => e.data?.errors,
        )
    expect(await refusal({ status: 'rejected' })).toEqual([
      {
        path: 'rejectionCategory',
        message: '却下する理由を選んでください。',
        label: expect.anything(),
      },
    ])
    expect((await refusal({ status: 'rejected', rejectionCategory: 'other' }))?.[0]?.message).toBe(
      '「その他」の場合は理由を書いてください。',
    )
    expect(
      await refusal({ status: 'rejected', rejectionCategory: 'nonsense' as never }),
    ).toBeTruthy()
    expect(
      await refusal({
        status: 'rejected',
        rejectionCategory: 'other',
        rejectionReason: '重複投稿',
      }),
    ).toBeNull()
  })

  it('cannot be added, changed or removed through the API by any role', async () => {
    const review = await payload.create({
      collection: 'reviews',
      data: reviewData(agent.id, { status: 'approved' }),
      overrideAccess: true,
    })
    const [record] = await decisionsOf(review.id)
    expect(record.decision).toBe('approved')
    for (const role of ['admin', 'editor', 'writer', 'marketer'] as const) {
      const user = users[role] as User
      const attempts = [
        payload.create({
          collection: 'review-decisions',
          data: { decision: 'approved', review: review.id },
          ...as(user),
        }),
        payload.update({
          collection: 'review-decisions',
          id: record.id,
          data: { decision: 'rejected' },
          ...as(user),
        }),
        payload.delete({ collection: 'review-decisions', id: record.id, ...as(user) }),
      ]
      for (const attempt of attempts)
        await expect(attempt, role).rejects.toMatchObject({ status: 403 })
    }
    // editors and admins read the record; writers and marketers do not
    expect(
      (await payload.find({ collection: 'review-decisions', ...as(users.editor as User) }))
        .totalDocs,
    ).toBeGreaterThan(0)
    await expect(
      payload.find({ collection: 'review-decisions', ...as(users.writer as User) }),
    ).rejects.toMatchObject({ status: 403 })
    // the record outlives the review
    await payload.delete({ collection: 'reviews', id: review.id, overrideAccess: true })
    const kept = await payload.findByID({
      collection: 'review-decisions',
      id: record.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(kept.reviewTitle).toBe(review.title)
  })

  it('an editor attaches one reply, stored as plain cleaned text and dated', async () => {
    const review = await payload.create({
      collection: 'reviews',
      data: reviewData(agent.id, { status: 'approved' }),
      overrideAccess: true,
    })
    const refused = await payload
      .update({
        collection: 'reviews',
        id: review.id,
        data: { reply: { text: '返信です' } },
        ...as(users.editor as User),
      })
      .then(
        () => null,
        (e: { data?: { errors?: { path: string }[] } }) => e.data?.errors?.map((x) => x.path),
      )
    expect(refused).toEqual(['reply.author'])
    const replied = await payload.update({
      collection: 'reviews',
      id: review.id,
      data: {
        reply: { author: 'agent', text: ' ご利用ありがとうございました。<b>改善します</b>\u200b ' },
      },
      ...as(users.editor as User),
    })
    expect(replied.reply?.text).toBe('ご利用ありがとうございました。<b>改善します</b>')
    expect(replied.reply?.author).toBe('agent')
    expect(Date.now() - new Date(replied.reply!.repliedAt!).getTime()).toBeLessThan(60_000)
    // writers and marketers cannot reply
    for (const role of ['writer', 'marketer'] as const)
      await expect(
        payload.update({
          collection: 'reviews',
          id: review.id,
          data: { reply: { author: 'editorial', text: 'x' } },
          ...as(users[role] as User),
        }),
      ).rejects.toMatchObject({ status: 403 })
  })

  it('keep the agent’s figures equal to a recomputation from its approved reviews', async () => {
    const own = await createAgent(payload)
    const reviews = await Promise.all(
      [
        { rating: 5, subRatings: { offers: 5, consultant: 4 }, ageBand: '30s', industry: 'it' },
        { rating: 3, subRatings: { offers: 2 }, ageBand: '30s', industry: 'it' },
        { rating: 1, ageBand: '40s', industry: 'finance' },
        { rating: 4, ageBand: '30s', industry: 'it', submittedAt: '2024-01-10T00:00:00.000Z' },
      ].map((data) =>
        payload.create({
          collection: 'reviews',
          data: reviewData(own.id, data),
          overrideAccess: true,
        }),
      ),
    )
    for (const review of reviews)
      await payload.update({
        collection: 'reviews',
        id: review.id,
        data: { status: 'approved' },
        ...as(users.editor as User),
      })
    // one is rejected after all: it leaves every figure
    await payload.update({
      collection: 'reviews',
      id: reviews[2].id,
      data: { status: 'rejected', rejectionCategory: 'defamation' },
      ...as(users.editor as User),
    })
    const stored = await payload.findByID({ collection: 'agents', id: own.id, depth: 0 })
    const approved = await payload.find({
      collection: 'reviews',
      where: { and: [{ agent: { equals: own.id } }, { status: { equals: 'approved' } }] },
      limit: 500,
      pagination: false,
      overrideAccess: true,
    })
    const expected = aggregateReviews(approved.docs)
    expect(stored.reviewCount).toBe(3)
    expect(stored.ratingAverage).toBe(4)
    expect(stored.ratingLast12Months).toBe(4) // the 2024 review is older than 12 months
    expect(stored.reviewCountLast12Months).toBe(2)
    expect(stored.ratingDetails).toEqual({
      subRatings: expected.subRatings,
      bySegment: expected.bySegment,
    })
    expect(expected.bySegment.ageBand).toEqual({ '30s': { average: 4, count: 3 } })
    expect(expected.subRatings.offers).toEqual({ average: 3.5, count: 2 })
  })

  it('keep the server-set fields from readers and out of every role’s hands', async () => {
    const review = await payload.create({
      collection: 'reviews',
      data: reviewData(agent.id, {
        status: 'approved',
        submitterHash: 'hash-of-an-address',
        signals: { recentFromSubmitter: 3, similarity: 0.5, bannedWords: '詐欺' },
      }),
      overrideAccess: true,
    })
    const seen = await payload.findByID({
      collection: 'reviews',
      id: review.id,
      overrideAccess: false,
      depth: 0,
    })
    expect(seen.title).toBe(review.title)
    for (const field of ['signals', 'bodyFingerprint', 'submitterHash', 'source'])
      expect(seen, field).not.toHaveProperty(field)
    // an editor's save cannot set them either
    await payload.update({
      collection: 'reviews',
      id: review.id,
      data: { signals: { recentFromSubmitter: 0 }, source: 'form', bodyFingerprint: 'x' },
      ...as(users.editor as User),
    })
    const stored = await payload.findByID({
      collection: 'reviews',
      id: review.id,
      overrideAccess: true,
      depth: 0,
    })
    expect(stored.signals?.recentFromSubmitter).toBe(3)
    expect(stored.source).toBe('editor')
    expect(stored.bodyFingerprint).toBe(review.bodyFingerprint)
  })
})
