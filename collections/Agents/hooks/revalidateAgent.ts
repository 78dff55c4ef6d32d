import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { TAGS } from '@/lib/cacheTags'
import { articlesShowing, articlesShowingDeleted } from '@/lib/dependents'
import { revalidateTags } from '@/lib/revalidate'
import type { Agent } from '@/payload-types'

/**
 * Expires everything that shows an agent: its page, the agent listings, and every published
 * article that shows it (cards, comparison tables, quoted reviews, links to it).
 */
export async function revalidateAgentPages(
  req: PayloadRequest,
  agentId: Agent['id'],
  slugs: string[],
  deletedFrom?: string[],
) {
  if (req.context?.disableRevalidate || !process.env.NEXT_RUNTIME) return
  const articles = deletedFrom ?? (await articlesShowing(req, 'agents', [agentId]))
  revalidateTags(
    [
      TAGS.agentLists,
      TAGS.agentReviews(agentId),
      ...slugs.map(TAGS.agent),
      ...articles.map(TAGS.article),
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
  await revalidateAgentPages(req, doc.id, [doc.slug], articlesShowingDeleted(req, 'agents', doc.id))
  return doc
}
