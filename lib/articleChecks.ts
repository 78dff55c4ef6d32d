import type { PayloadRequest } from 'payload'

import { bodyReferences } from '@/lib/bodyReferences'
import { articleDependencies } from '@/lib/dependents'
import { bodyIsPromotional } from '@/lib/prLabel'
import type { Article } from '@/payload-types'

// What the articles' hooks derive from each body for the compliance checks and the pages'
// expiry (collections/Articles/hooks/deriveFromBody.ts, computePromotional.ts): `checks` (the
// PR label's source, the agents whose own link the cards use, references to nothing) and
// `dependsOn`. An article saved before a field existed, or written past the hooks (an import,
// a restored copy of an older site), has it empty, and the compliance view then misses it.
// rebuildArticleChecks derives them again for every article, a page at a time, as the job
// rebuildArticleChecks (jobs/rebuildArticleChecks.ts). It writes only those two fields, through
// the database adapter: no new version, no change of `updatedAt`, and `promotional` (the label
// an editor owns) left as it is, so an unlabelled page shows up in the compliance view.

/** Articles the rebuild reads at a time. */
export const CHECKS_PAGE = 50

type Source = Pick<Article, 'id' | 'body' | 'relatedArticles' | 'heroImage' | 'meta' | 'tieUp'>

/** The derived fields of one article, as its hooks would write them. */
export async function derivedChecks(req: PayloadRequest, article: Source) {
  const derived = await articleDependencies(req, bodyReferences(article.body), article)
  const promotes = bodyIsPromotional(article.body) || Boolean(article.tieUp)
  return { dependsOn: derived.dependsOn, checks: { ...derived.checks, promotes } }
}

/** Derives every article's checks and dependencies again. Returns how many were written. */
export async function rebuildArticleChecks(req: PayloadRequest): Promise<number> {
  let after: Article['id'] | undefined
  let seen = 0
  for (;;) {
    // keyset pages (ids after the last one): no offset to skip and no count, on either database
    const { docs } = await req.payload.find({
      collection: 'articles',
      where: after === undefined ? {} : { id: { greater_than: after } },
      select: {
        body: true,
        relatedArticles: true,
        heroImage: true,
        meta: true,
        tieUp: true,
        updatedAt: true,
      },
      sort: 'id',
      limit: CHECKS_PAGE,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    for (const doc of docs) {
      await req.payload.db.updateOne({
        collection: 'articles',
        where: { id: { equals: doc.id } },
        // the adapter stamps updatedAt on every write: the row keeps its own (sitemaps date by it)
        data: { ...(await derivedChecks(req, doc as Source)), updatedAt: doc.updatedAt },
        req,
      })
    }
    seen += docs.length
    if (docs.length < CHECKS_PAGE) return seen
    after = docs.at(-1)!.id
  }
}
