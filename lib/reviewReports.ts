import type { Payload } from 'payload'

import type { Review } from '@/payload-types'

import { isOwnKey } from './own'
import { sharedLimiter, takePoint } from './rateLimitStore'
import { readerAddressHash } from './readerIdentity'
import { cleanReviewText, graphemeLength } from './reviewText'
import { REPORT_REASONS } from './taxonomy'

// 「通報」: a reader flags a published review for the moderators. The review stays published
// until a moderator decides (collections/ReviewReports). Limits per reader (by hashed address):
// one report per review, and a few a day in all.

const DAY = 24 * 60 * 60
export const REPORT_LIMITS = { perDay: 10 } as const
export const REPORT_NOTE_MAX = 500

export type ReportInput = { reason?: string; note?: string }
export type ReportResult =
  | { status: 'received' }
  | {
      status: 'invalid'
      errors: { reason?: string; note?: string; form?: string }
      input: ReportInput
    }

type FormLike = { getAll(name: string): unknown[] }

const single = (form: FormLike, name: string): string | undefined | null => {
  const values = form.getAll(name)
  if (values.length === 0) return undefined
  return values.length === 1 && typeof values[0] === 'string' ? values[0] : null
}

const limiters = (payload: Payload) => ({
  perReview: sharedLimiter(payload, { keyPrefix: 'report-review', points: 1, duration: 365 * DAY }),
  perDay: sharedLimiter(payload, {
    keyPrefix: 'report-day',
    points: REPORT_LIMITS.perDay,
    duration: DAY,
  }),
})

/** Checks a report and stores it for the moderators' queue. */
export async function reportReview(
  payload: Payload,
  args: { reviewId: string; form: FormLike; address: string },
): Promise<ReportResult> {
  const reason = single(args.form, 'reason')
  const rawNote = single(args.form, 'note')
  const input: ReportInput = {
    reason: typeof reason === 'string' ? reason : undefined,
    // kept to show again, cut as the review form's fields are (lib/reviewForm.ts)
    note: typeof rawNote === 'string' ? rawNote.slice(0, REPORT_NOTE_MAX * 16) : undefined,
  }
  const invalid = (
    errors: Extract<ReportResult, { status: 'invalid' }>['errors'],
  ): ReportResult => ({
    status: 'invalid',
    errors,
    input,
  })
  if (!isOwnKey(REPORT_REASONS, reason)) return invalid({ reason: '通報の理由を選んでください。' })
  if (rawNote === null)
    return invalid({ note: '補足を読み取れませんでした。もう一度入力してください。' })
  const note = cleanReviewText(rawNote ?? '')
  const noteLength = graphemeLength(note)
  if (noteLength > REPORT_NOTE_MAX)
    return invalid({
      note: `補足は${REPORT_NOTE_MAX}文字以内で書いてください(いま${noteLength}文字)。`,
    })
  if (reason === 'other' && !note)
    return invalid({ note: '「その他」の場合は、どこが問題かを書いてください。' })

  // only a review readers can see can be reported (ids are strings or numbers by database)
  const review = await findPublishedReview(payload, args.reviewId)
  if (!review)
    return invalid({ form: 'この口コミは見つかりませんでした。ページを開き直してください。' })

  const hash = readerAddressHash(args.address)
  const { perReview, perDay } = limiters(payload)
  if (!(await takePoint(perReview, `${hash}:${review.id}`)))
    return invalid({ form: 'この口コミはすでに通報を受け付けています。編集部が確認します。' })
  if (!(await takePoint(perDay, hash))) {
    await perReview.delete(`${hash}:${review.id}`).catch(() => undefined)
    return invalid({
      form: `通報は1日に${REPORT_LIMITS.perDay}件までです。時間をおいてお試しください。`,
    })
  }
  await payload.create({
    collection: 'review-reports',
    data: {
      review: review.id,
      reviewTitle: review.title,
      reason,
      note: note || null,
      status: 'open',
      reporterHash: hash,
    },
    overrideAccess: true,
    depth: 0,
  })
  return { status: 'received' }
}

/** A review a reader can see, by an id taken from a form (anything else is null). */
export async function findPublishedReview(
  payload: Payload,
  id: string,
): Promise<Pick<Review, 'id' | 'title' | 'agent'> | null> {
  if (!/^[0-9a-zA-Z_-]{1,64}$/.test(id)) return null
  const { docs } = await payload.find({
    collection: 'reviews',
    where: { and: [{ id: { equals: id } }, { status: { equals: 'approved' } }] },
    limit: 1,
    depth: 0,
    select: { title: true, agent: true },
    overrideAccess: false,
  })
  return docs[0] ?? null
}
