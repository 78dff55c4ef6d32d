// Every cache tag the site uses, in one place: the getters tag what they read, the
// collection hooks revalidate exactly the tags a change touches.

export const TAGS = {
  settings: 'settings',
  redirects: 'redirects',
  articleLists: 'article-lists',
  article: (slug: string) => `article:${slug}`,
  agentLists: 'agent-lists',
  agent: (slug: string) => `agent:${slug}`,
  agentReviews: (agentId: string | number) => `agent-reviews:${agentId}`,
  categories: 'categories',
} as const
