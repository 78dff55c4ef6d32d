// Every cache tag the site uses, in one place: the getters tag what they read, the
// collection hooks revalidate exactly the tags a change touches.

export const TAGS = {
  settings: 'settings',
  redirects: 'redirects',
  // home and its pages, featured, search, sitemap, feed, counts: any public article change
  articleLists: 'article-lists',
  // one kept list (lib/articleListings.ts: a category's articles, those featuring an agent):
  // expired only by changes to the articles that are or were in it
  articleList: (list: string) => `article-list:${list}`,
  article: (slug: string) => `article:${slug}`,
  agentLists: 'agent-lists',
  agent: (slug: string) => `agent:${slug}`,
  agentReviews: (agentId: string | number) => `agent-reviews:${agentId}`,
  // the published reviews as a whole (the sitemap's review files and their count): a review
  // that is or was published changing
  reviewLists: 'review-lists',
  categories: 'categories',
  // the authors' and supervisors' pages (/authors/[slug]) and the bylines on every article
  // page: any change to a staff profile (rare: the team's own names and profiles)
  people: 'people',
  // an article page shows another document (lib/dependents.ts: an agent, a review, a link, an
  // image, another article): its page carries this tag for each, so a change to that document
  // expires every page showing it with one tag, however many there are
  shows: (kind: string, id: string | number) => `shows:${kind}:${id}`,
} as const
