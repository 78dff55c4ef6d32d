import type { Payload } from 'payload'

import { READER_WITHDRAWAL } from '@/collections/Reviews/hooks/guardWithdrawal'
import type { Agent, Review } from '@/payload-types'

import { isDocumentId } from './documentIds'
import { relationId } from './ids'
import { sharedLimiter, takePoint } from './rateLimitStore'
import { readerReviewKey } from './readerIdentity'
import { REJECTION_REASONS } from './taxonomy'

// 「投稿した口コミ」: the reviews a browser posted (the signed reader id in its cookie, stored on
// each review as a keyed hash), their state, and their withdrawal. Nothing here is cached: the
// page is one reader's and is read with the server's rights, kept to that reader's key.

export const OWN_REVIEWS_PER_PAGE = 20

/** What a reader may do with a review in each state: withdraw it while it is waiting or shown. */
const WITHDRAWABLE = ['pending', 'approved'] as const

export type OwnReview = {
  id: string
  title: string
  rating: number
  submittedAt: string
  status: Review['status']
  /** the rejection's category as readers read it, for 非掲載 */
  reason: string | null
  agent: { name: string; slug: string } | null
  withdrawable: boolean
}

export type OwnReviewPage = {
  docs: OwnReview[]
  totalDocs: number
  page: number
  totalPages: number
}

/** One page of the reviews posted from this reader id, newest first. */
export async function listOwnReviews(
  payload: Payload,
  readerId: string,
  page: number,
): Promise<OwnReviewPage> {
  const result = await payload.find({
    collection: 'reviews',
    where: { readerKey: { equals: readerReviewKey(readerId) } },
    sort: '-submittedAt',
    page,
    limit: OWN_REVIEWS_PER_PAGE,
    depth: 0,
    select: {
      title: true,
      rating: true,
      submittedAt: true,
      status: true,
      rejectionCategory: true,
      agent: true,
    },
    overrideAccess: true,
  })
  const agentIds = [
    ...new Set(result.docs.map((doc) => relationId<Agent>(doc.agent)).filter((id) => id != null)),
  ]
  const agents = agentIds.length
    ? (
        await payload.find({
          collection: 'agents',
          where: { id: { in: agentIds } },
          limit: agentIds.length,
          depth: 0,
          select: { name: true, slug: true },
          overrideAccess: true,
        })
      ).docs
    : []
  const agentOf = new Map(agents.map((agent) => [String(agent.id), agent]))
  return {
    docs: result.docs.map((doc) => {
      const agent = agentOf.get(String(relationId<Agent>(doc.agent)))
      return {
        id: String(doc.id),
        title: doc.title,
        rating: doc.rating,
        submittedAt: doc.submittedAt,
        status: doc.status,
        reason:
          doc.status === 'rejected' && doc.rejectionCategory
            ? REJECTION_REASONS[doc.rejectionCategory]
            : null,
        agent: agent ? { name: agent.name, slug: agent.slug } : null,
        withdrawable: (WITHDRAWABLE as readonly string[]).includes(doc.status),
      }
    }),
    totalDocs: result.totalDocs,
    page: result.page ?? page,
    totalPages: Math.max(1, result.totalPages),
  }
}

/** Why a withdrawal was refused, and what the reader is told (the page reads it back). */
export const WITHDRAW_REFUSALS = {
  'not-found':
    'この口コミは、このブラウザから投稿されたものとして見つかりませんでした。ページを開き直してください。',
  already: 'この口コミはすでに取り下げられています。',
  'not-shown': '掲載しなかった口コミはサイトに表示されていないため、取り下げる必要はありません。',
  limited:
    '短い時間に続けて操作されたため、受け付けられませんでした。しばらくしてからお試しください。',
  failed: '取り下げられませんでした。時間をおいて、もう一度お試しください。',
} as const

export type WithdrawRefusal = keyof typeof WITHDRAW_REFUSALS

export type WithdrawResult =
  { status: 'withdrawn'; title: string } | { status: 'refused'; reason: WithdrawRefusal }

const refused = (reason: WithdrawRefusal): WithdrawResult => ({ status: 'refused', reason })

/** Withdrawals per reader per hour: more than anyone takes back, fewer than a script would try. */
export const WITHDRAW_LIMITS = { perHour: 20 } as const

/**
 * Takes back a review this reader id posted: it leaves the site (status 取り下げ), the decision
 * is recorded like a moderator's (collections/Reviews/hooks/recordDecision.ts) and the agent's
 * figures follow (refreshAgentRating), in one transaction.
 */
export async function withdrawOwnReview(
  payload: Payload,
  args: { readerId: string; reviewId: string },
): Promise<WithdrawResult> {
  if (!isDocumentId(payload, args.reviewId)) return refused('not-found')
  const limiter = sharedLimiter(payload, {
    keyPrefix: 'review-withdraw',
    points: WITHDRAW_LIMITS.perHour,
    duration: 60 * 60,
  })
  if (!(await takePoint(limiter, args.readerId))) return refused('limited')
  const { docs } = await payload.find({
    collection: 'reviews',
    where: {
      and: [
        { id: { equals: args.reviewId } },
        { readerKey: { equals: readerReviewKey(args.readerId) } },
      ],
    },
    limit: 1,
    depth: 0,
    select: { title: true, status: true },
    overrideAccess: true,
  })
  const review = docs[0]
  if (!review) return refused('not-found')
  if (review.status === 'withdrawn') return refused('already')
  if (!(WITHDRAWABLE as readonly string[]).includes(review.status)) return refused('not-shown')
  await payload.update({
    collection: 'reviews',
    id: review.id,
    data: { status: 'withdrawn' },
    depth: 0,
    overrideAccess: true,
    context: { [READER_WITHDRAWAL]: true },
  })
  return { status: 'withdrawn', title: review.title }
}
