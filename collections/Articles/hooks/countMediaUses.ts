import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
} from 'payload'

import { liveArticleMedia, mediaUsesChanged, recountMediaUses } from '@/lib/mediaUses'
import type { Article, Media } from '@/payload-types'

// Each upload keeps its number of public uses (lib/mediaUses.ts). An article's save moves the
// uploads its live version showed before and shows after, when they differ. The live version is
// read on both sides rather than taken from previousDoc and doc: those are the latest version,
// which is a draft when one was saved beside the published article, and a draft shows nothing.

// the live uploads before each save, by article, for the afterChange of the same save
const liveBefore = new WeakMap<PayloadRequest, Map<string, Media['id'][]>>()

export const rememberLiveMedia: CollectionBeforeChangeHook<Article> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc) return data
  const saves = liveBefore.get(req) ?? new Map<string, Media['id'][]>()
  saves.set(String(originalDoc.id), await liveArticleMedia(req, originalDoc.id))
  liveBefore.set(req, saves)
  return data
}

export const countMediaUses: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  const saves = liveBefore.get(req)
  const before = saves?.get(String(doc.id)) ?? []
  saves?.delete(String(doc.id))
  await recountMediaUses(req, mediaUsesChanged(before, await liveArticleMedia(req, doc.id)))
  return doc
}

export const countMediaUsesAfterDelete: CollectionAfterDeleteHook<Article> = async ({
  doc,
  req,
}) => {
  // the deleted document is the live version; its references are gone with it
  if (doc._status === 'published') await recountMediaUses(req, doc.dependsOn?.media ?? [])
  return doc
}
