import type { Payload } from 'payload'
import { isFieldError } from './payloadErrors'

import { sharedLimiter, takePoint } from './rateLimitStore'
import { readerAddressHash } from './readerIdentity'
import { findPublishedReview } from './reviewReports'

// 「参考になった」: one vote per reader per review. A reader is both the id in their signed
// cookie and their hashed address: a vote is refused when either has voted on the review
// already (clearing cookies does not vote again; one cookie cannot vote from many addresses).
// The unique keys on review-votes make the refusal hold when two votes arrive at once.

const DAY = 24 * 60 * 60
export const VOTE_LIMITS = { perDay: 100 } as const

export type VoteResult =
  { status: 'counted' | 'already'; count: number } | { status: 'refused'; message: string }

const isDuplicate = (error: unknown) => isFieldError(error, 'readerKey', 'addressKey')

export async function voteHelpful(
  payload: Payload,
  args: { reviewId: string; readerId: string; address: string },
): Promise<VoteResult> {
  const review = await findPublishedReview(payload, args.reviewId)
  if (!review)
    return {
      status: 'refused',
      message: 'この口コミは見つかりませんでした。ページを開き直してください。',
    }
  const readerKey = `${review.id}:${args.readerId}`
  const addressKey = `${review.id}:${readerAddressHash(args.address)}`
  const voted = await payload.count({
    collection: 'review-votes',
    where: { or: [{ readerKey: { equals: readerKey } }, { addressKey: { equals: addressKey } }] },
    overrideAccess: true,
  })
  const countNow = async () =>
    (
      await payload.count({
        collection: 'review-votes',
        where: { review: { equals: review.id } },
        overrideAccess: true,
      })
    ).totalDocs
  if (voted.totalDocs > 0) return { status: 'already', count: await countNow() }
  const perDay = sharedLimiter(payload, {
    keyPrefix: 'vote-day',
    points: VOTE_LIMITS.perDay,
    duration: DAY,
  })
  if (!(await takePoint(perDay, readerAddressHash(args.address))))
    return {
      status: 'refused',
      message:
        '短い時間に多くの投票があったため、受け付けられませんでした。時間をおいてお試しください。',
    }
  try {
    await payload.create({
      collection: 'review-votes',
      data: { review: review.id, readerKey, addressKey },
      overrideAccess: true,
      depth: 0,
    })
  } catch (error) {
    if (isDuplicate(error)) return { status: 'already', count: await countNow() }
    throw error
  }
  return { status: 'counted', count: await countNow() }
}
