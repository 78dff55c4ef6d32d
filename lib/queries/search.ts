import { cache } from 'react'
import type { Where } from 'payload'

import { TAGS } from '@/lib/cacheTags'
import { recordPageTags } from '@/lib/pageTags'
import { getPayloadClient } from '@/lib/payload'

export const SEARCH_PER_PAGE = 10

const wordsOf = (query: string) => query.split(' ').filter(Boolean).slice(0, 5)

// every word must appear in at least one of the fields (AND of ORs), as readers expect
const matchAll = (query: string, fields: string[]): Where => ({
  and: wordsOf(query).map((word) => ({ or: fields.map((field) => ({ [field]: { like: word } })) })),
})

/**
 * Published articles whose title, lead or body contain every word of the query. The query
 * comes NFKC-folded (normalizeQuery) and is matched against the article's folded search key;
 * the raw fields too, for an article saved before the key existed and not saved since.
 */
export const searchArticles = cache(async (query: string, page = 1) => {
  // not in Next's data cache (endless queries), but the result page is in the page cache
  recordPageTags([TAGS.articleLists])
  const payload = await getPayloadClient()
  return payload.find({
    collection: 'articles',
    where: {
      and: [
        { _status: { equals: 'published' } },
        matchAll(query, ['searchKey', 'title', 'lead', 'searchText']),
      ],
    },
    sort: '-publishedAt',
    page,
    limit: SEARCH_PER_PAGE,
    depth: 1,
    select: {
      title: true,
      slug: true,
      lead: true,
      searchText: true,
      heroImage: true,
      publishedAt: true,
      promotional: true,
    },
    draft: false,
    overrideAccess: false,
  })
})

/** Agents whose name, catch copy or description contain every word of the query. */
export const searchAgents = cache(async (query: string) => {
  recordPageTags([TAGS.agentLists])
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'agents',
    where: matchAll(query, ['name', 'catchCopy', 'description']),
    limit: 6,
    depth: 0,
    select: {
      name: true,
      slug: true,
      kind: true,
      catchCopy: true,
      ratingAverage: true,
      reviewCount: true,
    },
    overrideAccess: false,
  })
  return docs
})
