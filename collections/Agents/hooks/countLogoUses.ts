import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { mediaUsesChanged, recountMediaUses } from '@/lib/mediaUses'
import type { Agent } from '@/payload-types'

// An agent's page is always public, so its logo is one public use of that upload
// (lib/mediaUses.ts): a new, changed or removed logo moves the old and the new one.

export const countLogoUses: CollectionAfterChangeHook<Agent> = async ({
  doc,
  previousDoc,
  req,
}) => {
  await recountMediaUses(req, mediaUsesChanged([previousDoc?.logo], [doc.logo]))
  return doc
}

export const countLogoUsesAfterDelete: CollectionAfterDeleteHook<Agent> = async ({ doc, req }) => {
  await recountMediaUses(req, [doc.logo])
  return doc
}
