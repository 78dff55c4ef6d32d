import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { showingTags } from '@/lib/dependents'
import { revalidateTags } from '@/lib/revalidate'
import type { AffiliateLink } from '@/payload-types'

import { revalidateAgentPages } from '../../Agents/hooks/revalidateAgent'

type AgentRef = AffiliateLink['agent'] | null | undefined

const agentIdOf = (ref: AgentRef) => (ref && typeof ref === 'object' ? ref.id : ref)

// A link's status decides whether its CTAs are shown, so a change re-renders the pages of the
// agent it belongs to (and the articles showing that agent), and every article that uses the
// link itself (a card's own link, a /go/ link in the text).
async function revalidateFor(req: PayloadRequest, refs: AgentRef[], link: AffiliateLink['id']) {
  if (req.context?.disableRevalidate || !process.env.NEXT_RUNTIME) return
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
  revalidateTags(showingTags('links', [link]), req.context)
}

export const revalidateLink: CollectionAfterChangeHook<AffiliateLink> = async ({
  doc,
  previousDoc,
  req,
}) => {
  await revalidateFor(req, [doc.agent, previousDoc?.agent], doc.id)
  return doc
}

export const revalidateLinkAfterDelete: CollectionAfterDeleteHook<AffiliateLink> = async ({
  doc,
  req,
}) => {
  await revalidateFor(req, [doc.agent], doc.id)
  return doc
}
