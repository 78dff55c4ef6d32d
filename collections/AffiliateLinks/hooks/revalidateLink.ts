import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { AffiliateLink } from '@/payload-types'

import { revalidateAgentPages } from '../../Agents/hooks/revalidateAgent'

type AgentRef = AffiliateLink['agent'] | null | undefined

const agentIdOf = (ref: AgentRef) => (ref && typeof ref === 'object' ? ref.id : ref)

// A link's status decides whether its CTAs are shown, so a change re-renders the pages of
// the agent it belongs to (and the articles featuring that agent).
async function revalidateFor(
  req: Parameters<CollectionAfterChangeHook>[0]['req'],
  refs: AgentRef[],
) {
  for (const ref of new Set(refs.map(agentIdOf))) {
    if (ref === undefined || ref === null) continue
    const agent = await req.payload
      .findByID({
        collection: 'agents',
        id: ref,
        depth: 0,
        select: { slug: true },
        overrideAccess: true,
        req,
      })
      .catch(() => null)
    await revalidateAgentPages(req, ref, agent ? [agent.slug] : [])
  }
}

export const revalidateLink: CollectionAfterChangeHook<AffiliateLink> = async ({
  doc,
  previousDoc,
  req,
}) => {
  await revalidateFor(req, [doc.agent, previousDoc?.agent])
  return doc
}

export const revalidateLinkAfterDelete: CollectionAfterDeleteHook<AffiliateLink> = async ({
  doc,
  req,
}) => {
  await revalidateFor(req, [doc.agent])
  return doc
}
