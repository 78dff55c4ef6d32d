import type { CollectionBeforeChangeHook } from 'payload'

import { bodyIsPromotional } from '@/lib/prLabel'
import type { Article } from '@/payload-types'

// The PR state is derived from the content on every save, so no one can forget it or
// switch it off on a page that carries affiliate CTAs; a tie-up can only add to it.
export const computePromotional: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  const body = data.body ?? originalDoc?.body
  const tieUp = data.tieUp ?? originalDoc?.tieUp ?? false
  data.promotional = bodyIsPromotional(body) || Boolean(tieUp)
  data.checks = { ...data.checks, promotes: data.promotional }
  return data
}
