import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { agentList, categoryList } from '@/lib/articleListings'
import { TAGS } from '@/lib/cacheTags'
import { showingTags } from '@/lib/dependents'
import { revalidateTags } from '@/lib/revalidate'
import type { Article } from '@/payload-types'

type Shown =
  Pick<Article, 'id' | 'slug' | '_status' | 'categories' | 'featuredAgents'> | null | undefined

const wasPublic = (doc: Shown) => doc?._status === 'published'

// Readers see an article on its page, in the site-wide listings (home, search, sitemap, feed), in
// the lists of its categories and of the agents it features (before and after the change), and
// in the related-article lists and links of other articles: those are the tags and paths a
// change touches; other categories' pages stay cached. Only changes to a document that is or was public count; a
// draft saved beside a published version (which the hook cannot tell from an unpublish) costs
// one extra render at most.
async function expireArticle(req: PayloadRequest, doc: Shown, previous: Shown) {
  if (!wasPublic(doc) && !wasPublic(previous)) return
  if (req.context?.disableRevalidate || !process.env.NEXT_RUNTIME) return
  const slugs = [doc?.slug, previous?.slug].filter((s): s is string => Boolean(s))
  const lists = new Set(
    [doc, previous].flatMap((shown) => [
      ...(shown?.categories ?? []).map(categoryList),
      ...(shown?.featuredAgents ?? []).map(agentList),
    ]),
  )
  revalidateTags(
    [
      TAGS.articleLists,
      ...[...lists].map(TAGS.articleList),
      ...slugs.map(TAGS.article),
      ...showingTags('articles', [doc?.id ?? previous?.id]),
    ],
    req.context,
  )
  // the feed and the sitemap files read the site-wide lists (TAGS.articleLists) and are
  // rendered per request, so the tags above expire them too: no path of their own to expire
}

export const revalidateArticle: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  req,
}) => {
  await expireArticle(req, doc, previousDoc)
  return doc
}

export const revalidateArticleAfterDelete: CollectionAfterDeleteHook<Article> = async ({
  doc,
  req,
}) => {
  await expireArticle(req, doc, null)
  return doc
}
