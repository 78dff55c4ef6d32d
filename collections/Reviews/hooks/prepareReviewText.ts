import type { CollectionBeforeChangeHook } from 'payload'

import { reviewFingerprint } from '@/lib/reviewFingerprint'
import { attributeKey } from '@/lib/reviewPrivacy'
import { cleanReviewLine, cleanReviewText } from '@/lib/reviewText'
import type { Review } from '@/payload-types'

/**
 * Every review's text (and its reply's) is stored cleaned (NFKC, no invisible or control characters), however it
 * arrives, and carries the fingerprint of its body that makes a copy of any other review's
 * body a duplicate (a unique index, so two copies sent at once cannot both be stored).
 */
export const prepareReviewText: CollectionBeforeChangeHook<Review> = ({ data, originalDoc }) => {
  // the attributes' combination, from the new answers and the stored ones
  data.attributeKey = attributeKey({
    ageBand: data.ageBand ?? originalDoc?.ageBand,
    gender: data.gender ?? originalDoc?.gender,
    industry: data.industry ?? originalDoc?.industry,
    experienceYears: data.experienceYears ?? originalDoc?.experienceYears,
  })
  // a reply is plain text like the review, dated when its text changes
  if (data.reply && typeof data.reply.text === 'string') {
    const text = cleanReviewText(data.reply.text)
    data.reply = {
      ...data.reply,
      text: text || null,
      author: text ? data.reply.author : null,
      repliedAt: !text
        ? null
        : text === originalDoc?.reply?.text
          ? (originalDoc?.reply?.repliedAt ?? new Date().toISOString())
          : new Date().toISOString(),
    }
  }
  if (typeof data.title === 'string') data.title = cleanReviewLine(data.title)
  if (typeof data.penName === 'string') data.penName = cleanReviewLine(data.penName) || null
  if (typeof data.body === 'string') {
    data.body = cleanReviewText(data.body)
    data.bodyFingerprint = reviewFingerprint(data.body)
  }
  return data
}
