import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeDeleteHook,
} from 'payload'

import { dropListings, listArticle } from '@/lib/articleListings'
import { readLiveArticle } from '@/lib/liveArticles'
import { dropArticle, indexArticle } from '@/lib/searchIndex'
import type { Article } from '@/payload-types'

// The search index (lib/searchIndex) and the category and agent lists' rows
// (lib/articleListings) follow what readers see: after every save both are brought in line
// with the article's live version, read once for both.
export const updateDerived: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  const live = await readLiveArticle(req, doc.id)
  await indexArticle(req.payload, doc.id, live)
  await listArticle(req, doc.id, live)
  return doc
}

// before the article goes: its list rows point at it (a required relationship)
export const removeListings: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await dropListings(req.payload, id, req)
}

export const removeFromSearchIndex: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  await dropArticle(req.payload, doc.id)
  return doc
}
