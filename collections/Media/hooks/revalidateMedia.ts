import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import { recallForDelete, rememberForDelete, showingTags } from '@/lib/dependents'
import { eachPage } from '@/lib/pageRows'
import { revalidateTags } from '@/lib/revalidate'
import type { Agent, Media } from '@/payload-types'

import { revalidateAgentPages } from '../../Agents/hooks/revalidateAgent'

// A replaced file, a new alt text or a deleted upload changes every page that shows it: the
// articles whose images or body show it and the pages of agents whose logo it is. Pages are
// re-rendered from the database, so a deleted image disappears instead of pointing at a file
// that no longer exists.
type AgentRow = Pick<Agent, 'id' | 'slug'>

// agents are a few hundred, and one logo is rarely shared: read in pages all the same
async function agentsWithLogo(req: PayloadRequest, id: Media['id']): Promise<AgentRow[]> {
  const agents: AgentRow[] = []
  await eachPage(
    req.payload,
    {
      collection: 'agents',
      where: { logo: { equals: id } },
      select: { slug: true },
      sort: 'id',
      depth: 0,
      overrideAccess: true,
      req,
    },
    (docs) => void agents.push(...docs),
  )
  return agents
}

async function expireMedia(req: PayloadRequest, agents: AgentRow[], id: Media['id']) {
  if (req.context?.disableRevalidate || !process.env.NEXT_RUNTIME) return
  for (const agent of agents) await revalidateAgentPages(req, agent.id, [agent.slug])
  // the articles showing it, however many, through their one tag for it
  revalidateTags(showingTags('media', [id]), req.context)
}

const AGENTS_KEY = (id: Media['id']) => `agentsWithLogo:${id}`

/** Before a delete, while the references still exist: the agents whose logo it is. */
export const rememberMediaUse: CollectionBeforeDeleteHook = async (args) => {
  const { req } = args
  const id = args.id as Media['id']
  if (req.context?.disableRevalidate || !process.env.NEXT_RUNTIME) return
  rememberForDelete(req, AGENTS_KEY(id), await agentsWithLogo(req, id))
}

export const revalidateMedia: CollectionAfterChangeHook<Media> = async ({ doc, req, operation }) => {
  if (operation === 'update' && !req.context?.disableRevalidate && process.env.NEXT_RUNTIME) {
    await expireMedia(req, await agentsWithLogo(req, doc.id), doc.id)
  }
  return doc
}

export const revalidateMediaAfterDelete: CollectionAfterDeleteHook<Media> = async ({
  doc,
  req,
}) => {
  await expireMedia(req, recallForDelete<AgentRow[]>(req, AGENTS_KEY(doc.id)) ?? [], doc.id)
  return doc
}
