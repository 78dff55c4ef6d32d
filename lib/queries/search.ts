import { cache } from 'react'

import { TAGS } from '@/lib/cacheTags'
import { recordPageTags } from '@/lib/pageTags'
import { getPayloadClient } from '@/lib/payload'
import { articlesById } from '@/lib/queries/articles'
import { getAgents } from '@/lib/queries/agents'
import { foldForSearch } from '@/lib/search'
import { searchArticleIds } from '@/lib/searchIndex'

export const SEARCH_PER_PAGE = 10

const ARTICLE_FIELDS = {
  title: true,
  slug: true,
  lead: true,
  searchText: true,
  heroImage: true,
  publishedAt: true,
  promotional: true,
} as const

/**
 * Published articles matching every word of the query (lib/search normalizeQuery), from the
 * search index (lib/searchIndex): title matches first, then newest first. The total is counted
 * up to COUNT_CAP; `capped` says there are more. `searched` are the words looked for, after
 * `ignored` (lone kana) were left out; `titleOnly` were looked for in titles only; `narrowed`:
 * only the newest articles were searched (every word was common); `tooBroad` says the page
 * asks for a more specific query (any of these, or a capped total).
 */
export const searchArticles = cache(async (query: string, page = 1) => {
  // not in Next's data cache (endless queries), but the result page is in the page cache
  recordPageTags([TAGS.articleLists])
  const payload = await getPayloadClient()
  const hits = await searchArticleIds(payload, query, page, SEARCH_PER_PAGE)
  // the index's order, read through the site's access rules (published only, as readers see)
  const docs = await articlesById(hits.ids, ARTICLE_FIELDS, 1)
  return {
    docs,
    totalDocs: hits.total,
    capped: hits.capped,
    totalPages: Math.ceil(hits.total / SEARCH_PER_PAGE),
    searched: hits.searched,
    ignored: hits.ignored,
    titleOnly: hits.titleOnly,
    narrowed: hits.narrowed,
    tooBroad: hits.capped || hits.narrowed || hits.ignored.length > 0 || hits.titleOnly.length > 0,
  }
})

/**
 * Agents whose name, catch copy or description contain every word of the query, folded as the
 * article search folds (width, case, katakana/hiragana). There are a few hundred agents, and
 * the list is one cached read, so they are matched here rather than indexed.
 */
export const searchAgents = cache(async (query: string) => {
  recordPageTags([TAGS.agentLists])
  const words = query.split(' ').filter(Boolean).slice(0, 5).map(foldForSearch)
  if (!words.length) return []
  const agents = await getAgents()
  return agents
    .filter((agent) => {
      const text = foldForSearch(`${agent.name}\n${agent.catchCopy}\n${agent.description}`)
      return words.every((word) => text.includes(word))
    })
    .slice(0, 6)
})
