// The site's policy pages and the day each text was last revised: shown on the page
// (「最終改定日」) and given to search engines as the page's <lastmod> in /sitemaps/pages.xml.
// Change a date when the page's text changes.

export const POLICY_PAGES = {
  '/about': { revised: '2026-11-24' },
  '/ad-policy': { revised: '2026-11-24' },
  '/privacy': { revised: '2026-11-24' },
  '/review-guidelines': { revised: '2026-12-07' },
} as const

export type PolicyPath = keyof typeof POLICY_PAGES

/** The moment a policy page was revised: the start of its day in Japan. */
export const revisedAt = (path: PolicyPath): string =>
  new Date(`${POLICY_PAGES[path].revised}T00:00:00+09:00`).toISOString()
