'use server'

import { headers } from 'next/headers'

import { clientAddress } from '@/lib/clientAddress'
import { getPayloadClient } from '@/lib/payload'
import { currentReaderId } from '@/lib/readerCookie'
import { readReviewForm, type ReviewFormErrors, type ReviewFormInput } from '@/lib/reviewForm'
import { submitReview } from '@/lib/reviewSubmission'

export type ReviewFormState =
  | { status: 'idle' }
  | { status: 'received' }
  | { status: 'invalid'; errors: ReviewFormErrors; input: ReviewFormInput }

/**
 * The review form's server action (bound to the agent's slug by the page). It works as a
 * plain form post without JavaScript; with JavaScript React submits it in place.
 */
export async function submitReviewAction(
  agentSlug: string,
  _previous: ReviewFormState,
  form: FormData,
): Promise<ReviewFormState> {
  try {
    const payload = await getPayloadClient()
    const result = await submitReview(payload, {
      agentSlug: String(agentSlug),
      form,
      address: clientAddress(await headers()),
      readerId: await currentReaderId({ create: true }),
    })
    if (result.status === 'no-agent')
      return {
        status: 'invalid',
        errors: { form: 'このエージェントは見つかりませんでした。ページを開き直してください。' },
        input: {},
      }
    return result
  } catch (error) {
    // what the reader typed is sent back with the message, so nothing is lost
    console.error('review submission failed:', error)
    return {
      status: 'invalid',
      errors: {
        form: '投稿を受け付けられませんでした。時間をおいて、もう一度送信してください。',
      },
      input: readReviewForm(form).input,
    }
  }
}
