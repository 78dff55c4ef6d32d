// The one walk of an article body. Everything that depends on what a body references reads
// this module's answer: the PR label (promotes), revalidation (the documents the page shows),
// the compliance view (links, /go/ slugs, agents whose primary link a CTA falls back to) and
// the link rule (every URL a link-like node carries). A new node or block type is taught here
// once, so the rules cannot drift apart.

import { own } from './own'

type Id = string | number
type Ref = Id | { id?: Id } | null | undefined

type LexicalNode = {
  type?: string
  children?: LexicalNode[]
  relationTo?: string
  value?: unknown
  fields?: Record<string, unknown> & {
    blockType?: string
    url?: unknown
    linkType?: string
    doc?: unknown
  }
}

export type RichTextValue = { root?: LexicalNode } | null | undefined

type Kind = 'agents' | 'links' | 'reviews' | 'articles' | 'media'

/**
 * What each body block shows of other documents (its relationship fields), which blocks put an
 * affiliate CTA on the page, and which block fields hold URLs. Kept here, beside the rules that
 * need it, rather than read from the block configs (lib/ does not import blocks/); a unit test
 * checks it against every block config so a new block cannot be forgotten.
 */
export const BLOCK_REFERENCES: Record<
  string,
  { promotes: boolean; refs: Record<string, Kind>; urls?: string[] }
> = {
  // a card without its own link falls back to the agent's primary link
  agentCard: { promotes: true, refs: { agent: 'agents', link: 'links' } },
  agentComparison: { promotes: true, refs: { agents: 'agents' } },
  reviewExcerpt: { promotes: false, refs: { review: 'reviews' } },
  callout: { promotes: false, refs: {} },
  faq: { promotes: false, refs: {} },
}

/** Internal-link and relationship targets, by collection slug. */
const COLLECTION_KINDS: Record<string, Kind> = {
  agents: 'agents',
  'affiliate-links': 'links',
  reviews: 'reviews',
  articles: 'articles',
  media: 'media',
}

const LINK_NODE_TYPES = new Set(['link', 'autolink'])

export type LinkUrl = { node: string; url: string }

export type BodyReferences = {
  /** agents whose cards or comparison rows the body shows */
  agents: string[]
  /** agents whose primary link a CTA uses (cards without their own link, comparison rows) */
  primaryLinkAgents: string[]
  /** affiliate links by id (cards' own links, internal links to a link document) */
  links: string[]
  /** affiliate links by the slug in a /go/ URL */
  goSlugs: string[]
  /** quoted reviews */
  reviews: string[]
  /** reviews quoted more than once (one quote per review and page is the rule) */
  reviewsQuotedTwice: string[]
  /** articles linked from the text */
  articles: string[]
  /** agents linked from the text (their slug is in the href) */
  linkedAgents: string[]
  /** uploads shown in the body */
  media: string[]
  /** the URL of every link-like node and block URL field, in order */
  urls: LinkUrl[]
  /** whether the body puts an affiliate CTA or paid link on the page */
  promotes: boolean
}

/** True for a URL that goes through the affiliate redirect (/go/…), relative or absolute. */
export const isGoUrl = (url: unknown): boolean => goSlugOf(url) !== null

/** The link slug of a /go/ URL, or null. */
export function goSlugOf(url: unknown): string | null {
  if (typeof url !== 'string') return null
  try {
    const { pathname } = new URL(url, 'http://site.invalid')
    if (!pathname.startsWith('/go/')) return null
    const slug = pathname.split('/')[2]
    return slug ? decodeURIComponent(slug) : ''
  } catch {
    return null
  }
}

const idOf = (ref: Ref | unknown): string | undefined => {
  if (ref && typeof ref === 'object' && 'id' in ref) {
    const id = (ref as { id?: unknown }).id
    return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
  }
  return typeof ref === 'string' || typeof ref === 'number' ? String(ref) : undefined
}

/** Everything a Lexical body references, each id once, in the order it appears. */
export function bodyReferences(body: RichTextValue): BodyReferences {
  const sets = {
    agents: new Set<string>(),
    primaryLinkAgents: new Set<string>(),
    links: new Set<string>(),
    goSlugs: new Set<string>(),
    reviews: new Set<string>(),
    articles: new Set<string>(),
    linkedAgents: new Set<string>(),
    media: new Set<string>(),
  }
  const urls: LinkUrl[] = []
  const quotedTwice = new Set<string>()
  let promotes = false

  const addKind = (kind: Kind, ref: unknown, linked = false) => {
    const id = idOf(ref)
    if (id === undefined) return
    if (kind === 'reviews' && sets.reviews.has(id)) quotedTwice.add(id)
    if (kind === 'agents') (linked ? sets.linkedAgents : sets.agents).add(id)
    else sets[kind].add(id)
    if (kind === 'links') promotes = true
  }
  const addUrl = (node: string, url: unknown) => {
    if (typeof url !== 'string' || !url) return
    urls.push({ node, url })
    const slug = goSlugOf(url)
    if (slug !== null) {
      promotes = true
      if (slug) sets.goSlugs.add(slug)
    }
  }

  const visit = (node: LexicalNode) => {
    const f = node.fields
    if ((node.type === 'block' || node.type === 'inlineBlock') && f?.blockType) {
      const spec = own(BLOCK_REFERENCES, f.blockType)
      if (spec?.promotes) promotes = true
      for (const [field, kind] of Object.entries(spec?.refs ?? {})) {
        const value = f[field]
        for (const ref of Array.isArray(value) ? value : [value]) addKind(kind, ref)
      }
      if (f.blockType === 'agentCard' && idOf(f.agent) && !idOf(f.link)) {
        sets.primaryLinkAgents.add(idOf(f.agent)!)
      }
      if (f.blockType === 'agentComparison' && Array.isArray(f.agents)) {
        for (const ref of f.agents) if (idOf(ref)) sets.primaryLinkAgents.add(idOf(ref)!)
      }
      for (const field of spec?.urls ?? []) addUrl(`${f.blockType}.${field}`, f[field])
    }
    if (node.type && LINK_NODE_TYPES.has(node.type) && f) {
      const doc = f.doc as { relationTo?: string; value?: unknown } | undefined
      const target = own(COLLECTION_KINDS, doc?.relationTo)
      if (f.linkType === 'internal' && target) {
        addKind(target, doc?.value, true)
      } else {
        addUrl(node.type, f.url)
      }
    }
    if ((node.type === 'relationship' || node.type === 'upload') && node.relationTo) {
      const kind = own(COLLECTION_KINDS, node.relationTo)
      if (kind) addKind(kind, node.value)
    }
    node.children?.forEach(visit)
  }
  if (body?.root) visit(body.root)

  return {
    agents: [...sets.agents],
    primaryLinkAgents: [...sets.primaryLinkAgents],
    links: [...sets.links],
    goSlugs: [...sets.goSlugs],
    reviews: [...sets.reviews],
    reviewsQuotedTwice: [...quotedTwice],
    articles: [...sets.articles],
    linkedAgents: [...sets.linkedAgents],
    media: [...sets.media],
    urls,
    promotes,
  }
}
