import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { clearLinkCache } from '@/lib/clicks/linkCache'

/** Any saved or deleted link empties /go/'s in-process link cache (lib/clicks/linkCache.ts). */
export const forgetCachedLinks: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({
  doc,
}) => {
  clearLinkCache()
  return doc
}
