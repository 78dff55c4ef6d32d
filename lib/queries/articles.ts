import { cache } from 'react'

import { getPayloadClient } from '@/lib/payload'
import type { Article } from '@/payload-types'

export const ARTICLES_PER_PAGE = 10

const listSelect = {
  title: true,
  slug: true,
  lead: true,
  heroImage: true,
  categories: true,
  publishedAt: true,
  updatedAt: true,
  promotional: true,
} as const

/** Published articles, newest first, for listings. */
export const getLatestArticles = cache(async (page = 1, limit = ARTICLES_PER_PAGE) => {
  const payload = await getPayloadClient()
  return payload.find({
    collection: 'articles',
    where: { _status: { equals: 'published' } },
    sort: '-publishedAt',
    page,
    limit,
    depth: 1,
    select: listSelect,
    draft: false,
    overrideAccess: false,
  })
})

/** One published article with its blocks, images and related documents populated. */
export const getArticleBySlug = cache(async (slug: string): Promise<Article | null> => {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    where: { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] },
    limit: 1,
    // blocks inside the body reach agent → logo and agent → primary link at depth 3
    depth: 3,
    draft: false,
    overrideAccess: false,
  })
  return docs[0] ?? null
})

export type ArticleListItem = Awaited<ReturnType<typeof getLatestArticles>>['docs'][number]
