import { serverUrl } from '@/lib/env'
import { POLICY_PAGES, revisedAt, type PolicyPath } from '@/lib/policyPages'
import { getAgents } from '@/lib/queries/agents'
import { getCategories, getPublishedArticleIndex } from '@/lib/queries/articles'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { latest, type SitemapEntry } from '@/lib/sitemap'

/**
 * The site's own pages for /sitemaps/pages.xml: home, the agent list and each agent, each
 * category, and the policy pages (changed when their text is revised or when the settings
 * they show, such as the operator's name, change).
 */
export async function pageEntries(): Promise<SitemapEntry[]> {
  const origin = serverUrl()
  const [newest, agents, categories, settings] = await Promise.all([
    getPublishedArticleIndex(1),
    getAgents(),
    getCategories(),
    getSiteSettings(),
  ])
  return [
    { url: `${origin}/`, lastModified: newest[0]?.updatedAt },
    { url: `${origin}/agents`, lastModified: latest(agents.map((a) => a.updatedAt)) },
    ...agents.map((a) => ({ url: `${origin}/agents/${a.slug}`, lastModified: a.updatedAt })),
    ...categories.map((c) => ({
      url: `${origin}/categories/${c.slug}`,
      lastModified: c.updatedAt,
    })),
    ...(Object.keys(POLICY_PAGES) as PolicyPath[]).map((path) => ({
      url: `${origin}${path}`,
      lastModified: latest([revisedAt(path), settings.updatedAt]),
    })),
  ]
}
