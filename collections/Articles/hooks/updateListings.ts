import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { dropListings, syncListings } from '@/lib/articleListings'
import type { Article } from '@/payload-types'

// The category and agent lists' rows follow the live version (lib/articleListings.ts).
export const updateListings: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  await syncListings(req, doc.id)
  return doc
}

// before the article goes: its rows point at it (a required relationship)
export const removeListings: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await dropListings(req.payload, id, req)
}
