// 「投稿した口コミ」: the reviews one browser posted (its signed reader id), their state, and their
// withdrawal, which is recorded like a moderator's decision and moves the agent's figures.
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { fieldErrorsOf } from '@/lib/payloadErrors'
import { listOwnReviews, withdrawOwnReview, WITHDRAW_LIMITS } from '@/lib/readerReviews'
import { readerReviewKey } from '@/lib/readerIdentity'
import { submitReview } from '@/lib/reviewSubmission'
import type { Agent, Review, User } from '@/payload-types'
import { createAgent, createRoleUsers, reviewData, unique } from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

let payload: Payload
let editor: User

beforeAll(async () => {
  payload = await getTestPayload()
  editor = (await createRoleUsers(payload)).editor
})

/** A review as the form stores it for the reader `readerId` (the form's own path is below). */
const ownReview = (agent: Agent, readerId: string, overrides: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'reviews',
    data: { ...reviewData(agent.id, overrides), readerKey: readerReviewKey(readerId) },
    overrideAccess: true,
  })

const decide = (review: Review, data: Partial<Review>) =>
  payload.update({
    collection: 'reviews',
    id: review.id,
    data,
    user: editor,
    overrideAccess: false,
  })

/** The message a refused change gives for the status field. */
const statusRefusal = (change: Promise<unknown>) =>
  change.then(
    () => 'saved',
    (error: unknown) => fieldErrorsOf(error)?.find((e) => e.path === 'status')?.message,
  )

const agentFigures = (agent: Agent) =>
  payload.findByID({ collection: 'agents', id: agent.id, depth: 0, overrideAccess: true })

describe('the reviews a browser posted', () => {
  it('come from the form with the posting browser’s key, and list only that browser’s', async () => {
    const agent = await createAgent(payload)
    const reader = randomUUID()
    const other = randomUUID()
    const post = (readerId: string, title: string) => {
      const fields: Record<string, string> = {
        rating: '4',
        title,
        body: `面談では希望条件を丁寧に聞いてもらい、三日後には五件の求人が届きました。職務経歴書の添削も具体的で、書類選考の通過率が上がったと感じています。担当者の返信も早く、面談の日程もこちらの都合に合わせてもらえたので、働きながらでも安心して進められました。(${unique()})`,
        ageBand: '30s',
        gender: 'female',
        industry: 'it',
        experienceYears: '5_10',
        usedYear: '2026',
        usedMonth: '6',
        usage: 'offered',
        rewarded: 'no',
        agree: 'on',
        website: '',
      }
      return submitReview(payload, {
        agentSlug: agent.slug,
        form: { getAll: (name) => (name in fields ? [fields[name]] : []) },
        address: `203.0.113.${unique()}`,
        readerId,
      })
    }
    expect(await post(reader, '書類の添削が具体的でした')).toEqual({ status: 'received' })
    expect(await post(other, '別の人の口コミです')).toEqual({ status: 'received' })

    const mine = await listOwnReviews(payload, reader, 1)
    expect(mine.docs.map((doc) => [doc.title, doc.status, doc.agent?.slug])).toEqual([
      ['書類の添削が具体的でした', 'pending', agent.slug],
    ])
    expect(mine.docs[0]!.withdrawable).toBe(true)
    expect((await listOwnReviews(payload, randomUUID(), 1)).docs).toEqual([])
  })

  it('show each state, with the rejection’s reason category, newest first, a page at a time', async () => {
    const agent = await createAgent(payload)
    const reader = randomUUID()
    const at = (day: number) => new Date(Date.UTC(2026, 10, day)).toISOString()
    const waiting = await ownReview(agent, reader, { status: 'pending', submittedAt: at(3) })
    const shown = await ownReview(agent, reader, { status: 'approved', submittedAt: at(2) })
    const refused = await ownReview(agent, reader, {
      status: 'rejected',
      rejectionCategory: 'personal_info',
      submittedAt: at(1),
    })
    const page = await listOwnReviews(payload, reader, 1)
    expect(page.docs.map((doc) => [doc.id, doc.status, doc.reason, doc.withdrawable])).toEqual([
      [String(waiting.id), 'pending', null, true],
      [String(shown.id), 'approved', null, true],
      [String(refused.id), 'rejected', '個人情報', false],
    ])
    expect(page.totalDocs).toBe(3)
    expect(page.totalPages).toBe(1)
  })

  it('can be withdrawn by that browser only: recorded as a decision, and the agent’s figures follow', async () => {
    const agent = await createAgent(payload)
    const reader = randomUUID()
    await ownReview(agent, randomUUID(), { status: 'approved', rating: 5 })
    const review = await ownReview(agent, reader, { status: 'approved', rating: 1 })
    expect((await agentFigures(agent)).reviewCount).toBe(2)
    expect((await agentFigures(agent)).ratingAverage).toBe(3)

    // another browser, or an id that is not a review, cannot
    expect(
      await withdrawOwnReview(payload, { readerId: randomUUID(), reviewId: String(review.id) }),
    ).toEqual({ status: 'refused', reason: 'not-found' })
    expect(await withdrawOwnReview(payload, { readerId: reader, reviewId: 'x;drop' })).toEqual({
      status: 'refused',
      reason: 'not-found',
    })

    expect(
      await withdrawOwnReview(payload, { readerId: reader, reviewId: String(review.id) }),
    ).toEqual({ status: 'withdrawn', title: review.title })
    const after = await payload.findByID({
      collection: 'reviews',
      id: review.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(after.status).toBe('withdrawn')
    // gone from the site's reads, and from the agent's figures
    const visible = await payload.find({
      collection: 'reviews',
      where: { id: { equals: review.id } },
      overrideAccess: false,
    })
    expect(visible.docs).toEqual([])
    expect((await agentFigures(agent)).reviewCount).toBe(1)
    expect((await agentFigures(agent)).ratingAverage).toBe(5)

    const { docs: decisions } = await payload.find({
      collection: 'review-decisions',
      where: { review: { equals: review.id } },
      sort: '-createdAt',
      depth: 0,
      overrideAccess: true,
    })
    expect(decisions[0]).toMatchObject({ from: 'approved', decision: 'withdrawn', by: null })
    expect(decisions[0]!.note).toContain('取り下げ')

    // once is enough, and the list says so
    expect(
      await withdrawOwnReview(payload, { readerId: reader, reviewId: String(review.id) }),
    ).toEqual({ status: 'refused', reason: 'already' })
    const listed = await listOwnReviews(payload, reader, 1)
    expect(listed.docs[0]).toMatchObject({ status: 'withdrawn', withdrawable: false })
  })

  it('is not withdrawn when it was not published, and a withdrawn one stays withdrawn', async () => {
    const agent = await createAgent(payload)
    const reader = randomUUID()
    const refused = await ownReview(agent, reader, {
      status: 'rejected',
      rejectionCategory: 'spam',
    })
    expect(
      await withdrawOwnReview(payload, { readerId: reader, reviewId: String(refused.id) }),
    ).toEqual({ status: 'refused', reason: 'not-shown' })

    const waiting = await ownReview(agent, reader, { status: 'pending' })
    await withdrawOwnReview(payload, { readerId: reader, reviewId: String(waiting.id) })
    // staff can neither publish a withdrawn review again nor withdraw one for its writer
    expect(await statusRefusal(decide(waiting, { status: 'approved' }))).toMatch(/取り下げた口コミ/)
    const other = await ownReview(agent, randomUUID(), { status: 'pending' })
    expect(await statusRefusal(decide(other, { status: 'withdrawn' }))).toMatch(/投稿した口コミ/)
    expect(
      (await payload.findByID({ collection: 'reviews', id: waiting.id, overrideAccess: true }))
        .status,
    ).toBe('withdrawn')
  })

  it('are withdrawn at most so many an hour per browser', async () => {
    const agent = await createAgent(payload)
    const reader = randomUUID()
    const reasons: string[] = []
    for (let i = 0; i <= WITHDRAW_LIMITS.perHour; i++) {
      const result = await withdrawOwnReview(payload, {
        readerId: reader,
        reviewId: String(agent.id),
      })
      reasons.push(result.status === 'refused' ? result.reason : result.status)
    }
    // every try counts, found or not: past the limit even the reader's own review is refused
    expect(reasons.slice(0, WITHDRAW_LIMITS.perHour)).toEqual(
      Array(WITHDRAW_LIMITS.perHour).fill('not-found'),
    )
    expect(reasons.at(-1)).toBe('limited')
    const own = await ownReview(agent, reader, { status: 'pending' })
    expect(
      await withdrawOwnReview(payload, { readerId: reader, reviewId: String(own.id) }),
    ).toEqual({
      status: 'refused',
      reason: 'limited',
    })
  })

  it('keep the reader key out of every API answer and query', async () => {
    const agent = await createAgent(payload)
    const review = await ownReview(agent, randomUUID(), { status: 'approved' })
    const asEditor = await payload.findByID({
      collection: 'reviews',
      id: review.id,
      user: editor,
      overrideAccess: false,
    })
    expect(asEditor).not.toHaveProperty('readerKey')
  })
})
