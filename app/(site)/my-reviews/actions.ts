'use server'

import { redirect } from 'next/navigation'

import { getPayloadClient } from '@/lib/payload'
import { currentReaderId } from '@/lib/readerCookie'
import { withdrawOwnReview, type WithdrawRefusal } from '@/lib/readerReviews'
import { OWN_REVIEWS_PATH } from '@/lib/reviewForm'

/**
 * 「取り下げる」 on the 投稿した口コミ page. A plain form post without JavaScript and in place with
 * it; either way the reader lands back on the list with the outcome at its top.
 */
export async function withdrawReviewAction(form: FormData): Promise<void> {
  let outcome: 'withdrawn' | WithdrawRefusal
  try {
    const readerId = await currentReaderId()
    const reviewId = form.get('review')
    if (!readerId || typeof reviewId !== 'string') outcome = 'not-found'
    else {
      const result = await withdrawOwnReview(await getPayloadClient(), { readerId, reviewId })
      outcome = result.status === 'withdrawn' ? 'withdrawn' : result.reason
    }
  } catch (error) {
    console.error('review withdrawal failed:', error)
    outcome = 'failed'
  }
  redirect(
    outcome === 'withdrawn'
      ? `${OWN_REVIEWS_PATH}?withdrawn=1`
      : `${OWN_REVIEWS_PATH}?error=${outcome}`,
  )
}
