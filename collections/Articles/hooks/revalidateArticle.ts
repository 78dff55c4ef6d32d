import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { TAGS } from '@/lib/cacheTags'
import { revalidatePaths, revalidateTags } from '@/lib/revalidate'
import type { Article } from '@/payload-types'

type Shown = Pick<Article, 'slug' | '_status'> | null | undefined

const wasPublic = (doc: Shown) => doc?._status === 'published'

// Readers see an article on its page and in every listing (home, categories, featuring
// agents, sitemap, feed): those are the tags and paths a change touches. Only changes to a
// document that is or was public count; a draft saved beside a published version (which
// the hook cannot tell from an unpublish) costs one extra render at most.
function tagsFor(doc: Shown, previous: Shown): string[] {
  if (!wasPublic(doc) && !wasPublic(previous)) return []
  const slugs = [doc?.slug, previous?.slug].filter((s): s is string => Boolean(s))
  return [TAGS.articleLists, ...slugs.map(TAGS.article)]
}

export const revalidateArticle: CollectionAfterChangeHook<Article> = ({
  doc,
  previousDoc,
  context,
}) => {
  const tags = tagsFor(doc, previousDoc)
  if (tags.length) {
    revalidateTags(tags, context)
    revalidatePaths(['/sitemap.xml', '/feed.xml'], context)
  }
  return doc
}

export const revalidateArticleAfterDelete: CollectionAfterDeleteHook<Article> = ({
  doc,
  context,
}) => {
  const tags = tagsFor(doc, null)
  if (tags.length) {
    revalidateTags(tags, context)
    revalidatePaths(['/sitemap.xml', '/feed.xml'], context)
  }
  return doc
}
