import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { dropArticle, syncArticle } from '@/lib/searchIndex'
import type { Article } from '@/payload-types'

// The search index follows what readers see (lib/searchIndex): after every save the article's
// entry is brought in line with its live version, and a deleted article leaves the index.
export const updateSearchIndex: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  await syncArticle(req, doc.id)
  return doc
}

export const removeFromSearchIndex: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  await dropArticle(req.payload, doc.id)
  return doc
}
