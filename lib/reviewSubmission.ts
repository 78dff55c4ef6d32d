import type { Payload } from 'payload'
import { isFieldError } from './payloadErrors'

import type { Agent } from '@/payload-types'

import { readerAddressHash, readerReviewKey } from './readerIdentity'
import { sharedLimiter, takePoint } from './rateLimitStore'
import {
  readReviewForm,
  validateReviewForm,
  type ReviewFormErrors,
  type ReviewFormInput,
} from './reviewForm'
import { reviewFingerprint } from './reviewFingerprint'
import { bannedWordsIn, textSimilarity } from './reviewText'

// A reader's review, from the posted form to a pending review in the moderation queue. The
// form's checks are in lib/reviewForm.ts; this adds what needs the database: the agent, the
// limits per reader, duplicates and the signals moderators see.

const DAY = 24 * 60 * 60

/** One review per agent per reader in this many days, and this many a day in all. */
export const REVIEW_LIMITS = { perAgentDays: 30, perDay: 5 } as const

export type SubmissionResult =
  | { status: 'received' }
  | { status: 'invalid'; errors: ReviewFormErrors; input: ReviewFormInput }
  | { status: 'no-agent' }

/** The reader's key for limits and signals (lib/readerIdentity.ts). */
export const submitterHash = readerAddressHash

const limiters = (payload: Payload) => ({
  perAgent: sharedLimiter(payload, {
    keyPrefix: 'review-agent',
    points: 1,
    duration: REVIEW_LIMITS.perAgentDays * DAY,
  }),
  perDay: sharedLimiter(payload, {
    keyPrefix: 'review-day',
    points: REVIEW_LIMITS.perDay,
    duration: DAY,
  }),
})

// One message for both limits: a person needs to know when they may post again, a script
// gains nothing from knowing which limit it met.
const LIMITED = `短い期間に続けて投稿されたため、受け付けられませんでした。口コミは同じエージェントについて${REVIEW_LIMITS.perAgentDays}日に1件、1日に${REVIEW_LIMITS.perDay}件まで投稿できます。`
const DUPLICATE =
  '同じ内容の口コミがすでに投稿されています。ご自身の体験を、ご自身の言葉で書いてください。'

const isDuplicateError = (error: unknown) => isFieldError(error, 'bodyFingerprint')

async function signalsFor(
  payload: Payload,
  agent: Agent['id'],
  hash: string,
  body: string,
  now: Date,
) {
  const since = new Date(now.getTime() - REVIEW_LIMITS.perAgentDays * DAY * 1000).toISOString()
  const [recent, neighbours, settings] = await Promise.all([
    payload.count({
      collection: 'reviews',
      where: {
        and: [{ submitterHash: { equals: hash } }, { submittedAt: { greater_than: since } }],
      },
      overrideAccess: true,
    }),
    // the agent's latest reviews, whatever their status: a copy of a rejected one counts too
    payload.find({
      collection: 'reviews',
      where: { agent: { equals: agent } },
      sort: '-submittedAt',
      limit: 200,
      depth: 0,
      select: { body: true },
      overrideAccess: true,
    }),
    payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true }),
  ])
  const similarity = neighbours.docs.reduce(
    (best, doc) => Math.max(best, textSimilarity(body, doc.body ?? '')),
    0,
  )
  return {
    recentFromSubmitter: recent.totalDocs,
    similarity: Math.round(similarity * 100) / 100,
    bannedWords: bannedWordsIn(body, settings.reviewModeration?.bannedWords).join('、') || null,
  }
}

/**
 * Checks and stores a posted review as 審査待ち. Field errors come back with what the reader
 * typed; a filled honeypot is answered like a success and stores nothing.
 */
export async function submitReview(
  payload: Payload,
  args: {
    agentSlug: string
    form: { getAll(name: string): unknown[] }
    address: string
    /** the signed reader id of the posting browser: its 「投稿した口コミ」 page lists the review */
    readerId?: string | null
  },
  now: Date = new Date(),
): Promise<SubmissionResult> {
  const { input, malformed, honeypot } = readReviewForm(args.form)
  if (honeypot) return { status: 'received' }
  const checked = validateReviewForm(input, malformed, now)
  if (!checked.ok) return { status: 'invalid', errors: checked.errors, input }
  const { values } = checked

  const { docs } = await payload.find({
    collection: 'agents',
    where: { slug: { equals: args.agentSlug } },
    limit: 1,
    depth: 0,
    select: { slug: true },
    overrideAccess: false,
  })
  const agent = docs[0]
  if (!agent) return { status: 'no-agent' }

  const invalid = (errors: ReviewFormErrors): SubmissionResult => ({
    status: 'invalid',
    errors,
    input,
  })

  const fingerprint = reviewFingerprint(values.body)
  const copies = await payload.count({
    collection: 'reviews',
    where: { bodyFingerprint: { equals: fingerprint } },
    overrideAccess: true,
  })
  if (copies.totalDocs > 0) return invalid({ body: DUPLICATE })

  const hash = submitterHash(args.address)
  const { perAgent, perDay } = limiters(payload)
  if (!(await takePoint(perDay, hash))) return invalid({ form: LIMITED })
  if (!(await takePoint(perAgent, `${hash}:${agent.id}`))) {
    // this one was not stored: it does not count against the day's limit
    await perDay.reward(hash).catch(() => undefined)
    return invalid({ form: LIMITED })
  }

  try {
    await payload.create({
      collection: 'reviews',
      data: {
        agent: agent.id,
        rating: values.rating,
        subRatings: values.subRatings,
        title: values.title,
        body: values.body,
        penName: values.penName,
        ageBand: values.ageBand,
        gender: values.gender,
        industry: values.industry,
        experienceYears: values.experienceYears,
        usedYear: values.usedYear,
        usedMonth: values.usedMonth,
        usage: values.usage,
        rewarded: values.rewarded,
        status: 'pending',
        submittedAt: now.toISOString(),
        source: 'form',
        submitterHash: hash,
        readerKey: args.readerId ? readerReviewKey(args.readerId) : null,
        signals: await signalsFor(payload, agent.id, hash, values.body, now),
      },
      overrideAccess: true,
      depth: 0,
    })
  } catch (error) {
    // the same body sent twice at once: the unique index keeps one
    if (isDuplicateError(error)) return invalid({ body: DUPLICATE })
    throw error
  }
  return { status: 'received' }
}
