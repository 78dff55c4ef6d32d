import type { CollectionBeforeDeleteHook, PayloadRequest } from 'payload'

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

/** Slugs of the published articles whose page shows any of these documents. */
export async function articlesShowing(
  req: PayloadRequest,
  kind: DependencyKind,
  ids: Ref[],
): Promise<string[]> {
  const wanted = [...new Set(ids.map(idOf).filter((id): id is string => id !== undefined))]
  if (!wanted.length) return []
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: {
      and: [{ _status: { equals: 'published' } }, { [`dependsOn.${kind}`]: { in: wanted } }],
    },
    select: { slug: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.map((doc) => doc.slug)
}

/** The ids of those of `ids` that exist in a collection, typed as the database stores them. */
async function existing(req: PayloadRequest, kind: DependencyKind, ids: Iterable<string>) {
  const wanted = [...new Set(ids)]
  if (!wanted.length) return []
  const { docs } = await req.payload.find({
    collection: COLLECTION[kind],
    where: { id: { in: wanted } },
    select: {},
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const found = new Map(docs.map((doc) => [String(doc.id), doc.id]))
  return wanted.flatMap((id) => (found.has(id) ? [found.get(id)!] : []))
}

type Dependencies = NonNullable<Article['dependsOn']>

/**
 * Everything an article's page shows besides its own fields: the body's references (cards,
 * tables, quoted reviews and their agents, links by id or /go/ slug, linked articles and
 * agents), its related articles and its images. Only documents that exist are kept.
 */
export async function articleDependencies(
  req: PayloadRequest,
  refs: BodyReferences,
  article: Pick<Partial<Article>, 'relatedArticles' | 'heroImage' | 'meta'>,
): Promise<Dependencies> {
  const reviews = await existing(req, 'reviews', refs.reviews)
  const quoted = reviews.length
    ? await req.payload.find({
        collection: 'reviews',
        where: { id: { in: reviews } },
        select: { agent: true },
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

  return {
    agents: await existing(req, 'agents', agentIds),
    reviews,
    articles: await existing(
      req,
      'articles',
      [...refs.articles, ...related].filter((id): id is string => Boolean(id)),
    ),
    links: await existing(req, 'links', [...refs.links, ...bySlug.docs.map((l) => String(l.id))]),
    media: await existing(
      req,
      'media',
      images.filter((id): id is string => Boolean(id)),
    ),
  } as Dependencies
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

const remembered = (kind: DependencyKind, id: Id) => `articlesShowing:${kind}:${id}`

/**
 * For a collection's beforeDelete: remembers which articles show the document, because after
 * the delete their references to it are gone (the database drops them with the document).
 */
export const rememberArticlesShowing =
  (kind: DependencyKind): CollectionBeforeDeleteHook =>
  async ({ req, id }) => {
    if (req.context?.disableRevalidate || !process.env.NEXT_RUNTIME) return
    rememberForDelete(req, remembered(kind, id), await articlesShowing(req, kind, [id]))
  }

/** What rememberArticlesShowing found for this document (none when it did not run). */
export const articlesShowingDeleted = (req: PayloadRequest, kind: DependencyKind, id: Id) =>
  recallForDelete<string[]>(req, remembered(kind, id)) ?? []
