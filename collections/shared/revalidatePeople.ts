import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { TAGS } from '@/lib/cacheTags'
import { revalidateTags } from '@/lib/revalidate'

/**
 * A staff profile changed or went: the authors' pages (/authors/[slug]) and the articles'
 * bylines show it.
 */
export const revalidatePeople: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({
  doc,
  req,
}) => {
  if (!req.context?.disableRevalidate && process.env.NEXT_RUNTIME) {
    revalidateTags([TAGS.people], req.context)
  }
  return doc
}
