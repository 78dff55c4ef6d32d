import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { TAGS } from '@/lib/cacheTags'
import { showingTags } from '@/lib/dependents'
import { revalidateTags } from '@/lib/revalidate'
import type { Agent } from '@/payload-types'

/**
 * Expires everything that shows an agent: its page, the agent listings, and every published
 * article that shows it (cards, comparison tables, quoted reviews, links to it: one tag).
 */
export async function revalidateAgentPages(
  req: PayloadRequest,
  agentId: Agent['id'],
  slugs: string[],
) {
  if (req.context?.disableRevalidate || !process.env.NEXT_RUNTIME) return
  revalidateTags(
    [
      TAGS.agentLists,
      TAGS.agentReviews(agentId),
      ...slugs.map(TAGS.agent),
      ...showingTags('agents', [agentId]),
    ],
    req.context,
  )
}

export const revalidateAgent: CollectionAfterChangeHook<Agent> = async ({
  doc,
  previousDoc,
  req,
}) => {
  await revalidateAgentPages(req, doc.id, [doc.slug, previousDoc?.slug].filter(Boolean) as string[])
  return doc
}

export const revalidateAgentAfterDelete: CollectionAfterDeleteHook<Agent> = async ({
  doc,
  req,
}) => {
  await revalidateAgentPages(req, doc.id, [doc.slug])
  return doc
}
