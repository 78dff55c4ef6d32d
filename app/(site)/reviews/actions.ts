'use server'

import { headers } from 'next/headers'

import { clientAddress } from '@/lib/clientAddress'
import { getPayloadClient } from '@/lib/payload'
import { currentReaderId } from '@/lib/readerCookie'
import { reportReview, type ReportInput } from '@/lib/reviewReports'
import { voteHelpful } from '@/lib/reviewVotes'

// The actions under each published review: 「参考になった」 and 「通報」. Both work as plain
// form posts without JavaScript and in place with it.

export type VoteState =
  | { status: 'idle' }
  | { status: 'counted' | 'already'; count: number }
  | { status: 'refused'; message: string }

const FAILED = '受け付けられませんでした。時間をおいて、もう一度お試しください。'

export async function voteHelpfulAction(
  reviewId: string,
  _previous: VoteState,
): Promise<VoteState> {
  try {
    const readerId = await currentReaderId({ create: true })
    return await voteHelpful(await getPayloadClient(), {
      reviewId: String(reviewId),
      readerId,
      address: clientAddress(await headers()),
    })
  } catch (error) {
    console.error('helpful vote failed:', error)
    return { status: 'refused', message: FAILED }
  }
}

export type ReportState =
  | { status: 'idle' }
  | { status: 'received' }
  | {
      status: 'invalid'
      errors: { reason?: string; note?: string; form?: string }
      input: ReportInput
    }

export async function reportReviewAction(
  reviewId: string,
  _previous: ReportState,
  form: FormData,
): Promise<ReportState> {
  try {
    return await reportReview(await getPayloadClient(), {
      reviewId: String(reviewId),
      form,
      address: clientAddress(await headers()),
    })
  } catch (error) {
    console.error('review report failed:', error)
    const note = form.get('note')
    const reason = form.get('reason')
    return {
      status: 'invalid',
      errors: { form: FAILED },
      input: {
        reason: typeof reason === 'string' ? reason : undefined,
        note: typeof note === 'string' ? note.slice(0, 2000) : undefined,
      },
    }
  }
}
