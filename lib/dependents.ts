import type { CollectionBeforeDeleteHook, PayloadRequest } from 'payload'

import { TAGS } from '@/lib/cacheTags'
import { PublicError } from '@/lib/publicError'

import type { BodyReferences } from '@/lib/bodyReferences'
import type { Article } from '@/payload-types'

// Which public pages show a document, so that a change to it expires exactly those pages.
// An article stores what its page shows (articles.dependsOn, written on every save from the
// body's references and its own relationship fields); a change to any of those documents
// finds the articles through that field, on either database.

export const DEPENDENCY_KINDS = ['agents', 'reviews', 'articles', 'links', 'media'] as const
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number]

const COLLECTION: Record<
  DependencyKind,
  'agents' | 'reviews' | 'articles' | 'affiliate-links' | 'media'
> = {
  agents: 'agents',
  reviews: 'reviews',
  articles: 'articles',
  links: 'affiliate-links',
  media: 'media',
}

type Id = string | number
type Ref = Id | { id: Id } | null | undefined

const idOf = (ref: Ref): string | undefined =>
  ref === null || ref === undefined ? undefined : String(typeof ref === 'object' ? ref.id : ref)

/** The cache tags of the documents an article shows, from its dependsOn (TAGS.shows). */
export function showsTags(dependsOn: Article['dependsOn'] | undefined): string[] {
  return DEPENDENCY_KINDS.flatMap((kind) =>
    (dependsOn?.[kind] ?? []).map((ref) => TAGS.shows(kind, idOf(ref as Ref)!)),
  )
}

/** The tag that expires every published page showing one of these documents. */
export const showingTags = (kind: DependencyKind, ids: Ref[]): string[] =>
  [...new Set(ids.map(idOf).filter((id): id is string => id !== undefined))].map((id) =>
    TAGS.shows(kind, id),
  )

/** The ids of those of `ids` that exist in a collection, typed as the database stores them. */
async function existing(req: PayloadRequest, kind: DependencyKind, ids: Iterable<string>) {
  const wanted = [...new Set(ids)]
  if (!wanted.length) return []
  const { docs } = await req.payload.find({
    collection: COLLECTION[kind],
    where: { id: { in: wanted } },
    select: {},
    limit: wanted.length,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const found = new Map(docs.map((doc) => [String(doc.id), doc.id]))
  return wanted.flatMap((id) => (found.has(id) ? [found.get(id)!] : []))
}

type Dependencies = NonNullable<Article['dependsOn']>
type Checks = NonNullable<Article['checks']>

/**
 * Everything an article's page shows besides its own fields: the body's references (cards,
 * tables, quoted reviews and their agents, links by id or /go/ slug, linked articles and
 * agents), its related articles and its images. Only documents that exist are kept. Beside
 * them, what the compliance checks query (lib/compliance.ts): the agents whose own link the
 * cards and tables use, and how many links and such agents the body names that do not exist.
 */
export async function articleDependencies(
  req: PayloadRequest,
  refs: BodyReferences,
  article: Pick<Partial<Article>, 'relatedArticles' | 'heroImage' | 'meta'>,
): Promise<{ dependsOn: Dependencies; checks: Checks }> {
  const reviews = await existing(req, 'reviews', refs.reviews)
  const quoted = reviews.length
    ? await req.payload.find({
        collection: 'reviews',
        where: { id: { in: reviews } },
        select: { agent: true },
        limit: reviews.length,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        req,
      })
    : { docs: [] }
  const bySlug = refs.goSlugs.length
    ? await req.payload.find({
        collection: 'affiliate-links',
        where: { slug: { in: refs.goSlugs } },
        select: {},
        limit: refs.goSlugs.length,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        req,
      })
    : { docs: [] }

  const agentIds = [
    ...refs.agents,
    ...refs.linkedAgents,
    ...quoted.docs.map((r) => idOf(r.agent as Ref)).filter((id): id is string => Boolean(id)),
  ]
  const related = (article.relatedArticles ?? []).map((r) => idOf(r as Ref))
  const images = [article.heroImage, article.meta?.image, ...refs.media].map((m) => idOf(m as Ref))

  const agents = await existing(req, 'agents', agentIds)
  const links = await existing(req, 'links', [
    ...refs.links,
    ...bySlug.docs.map((l) => String(l.id)),
  ])
  const agentFound = new Set(agents.map(String))
  const linkFound = new Set(links.map(String))
  const primaryLinkAgents = agents.filter((id) => refs.primaryLinkAgents.includes(String(id)))
  const missingReferences =
    refs.links.filter((id) => !linkFound.has(id)).length +
    (refs.goSlugs.length - bySlug.docs.length) +
    refs.primaryLinkAgents.filter((id) => !agentFound.has(id)).length

  return {
    dependsOn: {
      agents,
      reviews,
      articles: await existing(
        req,
        'articles',
        [...refs.articles, ...related].filter((id): id is string => Boolean(id)),
      ),
      links,
      media: await existing(
        req,
        'media',
        images.filter((id): id is string => Boolean(id)),
      ),
    } as Dependencies,
    checks: { primaryLinkAgents, missingReferences } as Checks,
  }
}

// What a beforeDelete hook found, for the afterDelete hook of the same delete. Kept beside the
// request rather than in req.context: Payload's own clean-up inside a delete (versions,
// preferences) runs nested operations that replace req.context.
const rememberedByRequest = new WeakMap<PayloadRequest, Map<string, unknown>>()

/** Keeps a value for the rest of this request's delete operation. */
export function rememberForDelete(req: PayloadRequest, key: string, value: unknown): void {
  const map = rememberedByRequest.get(req) ?? new Map<string, unknown>()
  map.set(key, value)
  rememberedByRequest.set(req, map)
}

/** What rememberForDelete kept under this key during this request, if anything. */
export const recallForDelete = <T>(req: PayloadRequest, key: string): T | undefined =>
  rememberedByRequest.get(req)?.get(key) as T | undefined

const SHOWN_NOUN: Partial<Record<DependencyKind, { noun: string; instead: string }>> = {
  links: { noun: 'リンク', instead: '記事から外すか、リンクを停止してください' },
  agents: { noun: 'エージェント', instead: '記事から外してください' },
}

/**
 * For a collection's beforeDelete: refuses to delete a link or an agent that published pages
 * show, saying how many. Deleting it would leave those pages with cards and links that lead
 * nowhere, and the compliance checks find a missing reference from what a save stored
 * (lib/compliance.ts), which a delete afterwards would not update.
 */
export const refuseWhileShown =
  (kind: 'links' | 'agents'): CollectionBeforeDeleteHook =>
  async ({ req, id }) => {
    const { totalDocs } = await req.payload.count({
      collection: 'articles',
      where: {
        and: [{ _status: { equals: 'published' } }, { [`dependsOn.${kind}`]: { in: [id] } }],
      },
      overrideAccess: true,
      req,
    })
    if (!totalDocs) return
    const { noun, instead } = SHOWN_NOUN[kind]!
    throw new PublicError(
      `この${noun}は公開中の記事 ${totalDocs.toLocaleString('ja-JP')}件に表示されているため削除できません。先に${instead}。`,
      409,
    )
  }
