import type { CollectionBeforeChangeHook } from 'payload'

import { bodyReferences } from '@/lib/bodyReferences'
import { articleDependencies } from '@/lib/dependents'
import { lexicalToPlainText } from '@/lib/lexicalText'
import type { Article } from '@/payload-types'

// Search, "articles featuring this agent" and revalidation need the body's text and what the
// page shows as plain fields: a rich-text JSON column cannot be queried the same way on SQLite
// and MongoDB.
export const deriveFromBody: CollectionBeforeChangeHook<Article> = async ({
  data,
  originalDoc,
  req,
}) => {
  const body = data.body ?? originalDoc?.body
  const refs = bodyReferences(body)
  data.searchText = lexicalToPlainText(body)
  const derived = await articleDependencies(req, refs, {
    relatedArticles: data.relatedArticles ?? originalDoc?.relatedArticles,
    heroImage: data.heroImage === undefined ? originalDoc?.heroImage : data.heroImage,
    meta: data.meta ?? originalDoc?.meta,
  })
  data.dependsOn = derived.dependsOn
  // beside the PR label's source, which computePromotional wrote just before
  data.checks = { ...data.checks, ...derived.checks }
  // the cards' and tables' agents, in body order (dependsOn.agents keeps that order first)
  const featured = new Set(refs.agents)
  data.featuredAgents = (data.dependsOn.agents ?? []).filter((id) => featured.has(String(id)))
  return data
}
