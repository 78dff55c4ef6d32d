import type { MetadataRoute } from 'next'

import { serverUrl } from '@/lib/env'
import { getAgents } from '@/lib/queries/agents'
import { getCategories, getPublishedArticleIndex } from '@/lib/queries/articles'

export const dynamic = 'force-dynamic'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = serverUrl()
  const [articles, agents, categories] = await Promise.all([
    getPublishedArticleIndex(),
    getAgents(),
    getCategories(),
  ])
  const newest = articles[0]?.updatedAt
  return [
    { url: `${origin}/`, lastModified: newest, changeFrequency: 'daily', priority: 1 },
    { url: `${origin}/agents`, lastModified: agents[0]?.updatedAt, changeFrequency: 'weekly' },
    ...articles.map((a) => ({ url: `${origin}/articles/${a.slug}`, lastModified: a.updatedAt })),
    ...agents.map((a) => ({ url: `${origin}/agents/${a.slug}`, lastModified: a.updatedAt })),
    ...categories.map((c) => ({
      url: `${origin}/categories/${c.slug}`,
      lastModified: c.updatedAt,
    })),
  ]
}
