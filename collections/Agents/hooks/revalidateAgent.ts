import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { TAGS } from '@/lib/cacheTags'
import { revalidateTags } from '@/lib/revalidate'
import type { Agent } from '@/payload-types'

/**
 * Expires everything that shows an agent: its page, the agent listings, and every
 * published article whose cards or comparison tables feature it.
 */
export async function revalidateAgentPages(
  req: PayloadRequest,
  agentId: Agent['id'],
  slugs: string[],
) {
  if (req.context?.disableRevalidate || !process.env.NEXT_RUNTIME) return
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { featuredAgents: { in: [agentId] } },
    select: { slug: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  revalidateTags(
    [
      TAGS.agentLists,
      TAGS.agentReviews(agentId),
      ...slugs.map(TAGS.agent),
      ...docs.map((a) => TAGS.article(a.slug)),
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
