import { cachedQuery } from '@/lib/cache'
import { TAGS } from '@/lib/cacheTags'
import { getPayloadClient } from '@/lib/payload'
import { showsTags } from '@/lib/dependents'
import { pageRows } from '@/lib/pageRows'
import { sitemapFileDates, sitemapFileRows, type SitemapRun } from '@/lib/sitemapRuns'
import type { Agent, Article, Category, User } from '@/payload-types'
import type { Where } from 'payload'

import { agentList, categoryList, countListed, listedArticleIds } from '@/lib/articleListings'

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

const PUBLISHED: Where = { _status: { equals: 'published' } }

const pageOf = <T>(docs: T[], total: number, page: number, limit: number) => ({
  docs,
  totalDocs: total,
  totalPages: Math.max(1, Math.ceil(total / limit)),
  page,
})

/**
 * Published articles by id, in the given order, as lists show them (readers' access applies).
 * Lists find their page's ids first and read the articles here: an offset over id rows is
 * cheap, while Payload's one-query page reads each skipped article's relations too.
 */
export async function articlesById<S extends Record<string, true>>(
  // ids as the database gives them, or as strings (the search index keeps them as text)
  ids: (Article['id'] | string)[],
  select: S,
  depth: number,
) {
  if (!ids.length) return []
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    where: { and: [PUBLISHED, { id: { in: ids } }] },
    limit: ids.length,
    pagination: false,
    depth,
    select,
    draft: false,
    overrideAccess: false,
  })
  const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
  return ids.flatMap((id) => byId.get(String(id)) ?? [])
}

/**
 * A page of published articles, newest first, numbered by a count kept in the data cache
 * (expired with the list) instead of a count query on every page view: Payload counts every
 * matching row each time it paginates, which grows with the archive. Pages past 1,000 are not
 * served (lib/search parsePage), so the offset read to reach a page is bounded too.
 */
async function latestPage(page: number, limit: number) {
  return newestFirstPage(PUBLISHED, page, limit, getPublishedArticleCount())
}

/**
 * A page of the published articles a where finds, newest first: the page's ids through the
 * index (an offset over index entries), then those articles, numbered by `total`.
 */
async function newestFirstPage(where: Where, page: number, limit: number, total: Promise<number>) {
  const payload = await getPayloadClient()
  const [rows, count] = await Promise.all([
    pageRows(payload, {
      collection: 'articles',
      where,
      sort: '-publishedAt',
      page,
      limit,
      depth: 0,
      select: { publishedAt: true },
      draft: false,
      overrideAccess: false,
    }),
    total,
  ])
  const docs = await articlesById(
    rows.map((row) => row.id),
    listSelect,
    1,
  )
  return pageOf(docs, count, page, limit)
}

/**
 * A page of a list kept by the articles' hooks (lib/articleListings.ts: a category's articles,
 * those featuring an agent), newest first: the list's rows give the ids through their index,
 * and the articles are read by id with readers' access.
 */
async function listedPage<S extends Record<string, true>>(
  list: string,
  page: number,
  limit: number,
  select: S,
  depth: number,
) {
  return articlesById(
    await listedArticleIds(await getPayloadClient(), list, page, limit),
    select,
    depth,
  )
}

/** Published articles, newest first, for listings. */
export const getLatestArticles = cachedQuery(
  'latest-articles',
  (page: number = 1, limit: number = ARTICLES_PER_PAGE) => latestPage(page, limit),
  [TAGS.articleLists],
)

/**
 * One article with its blocks, images and related documents populated: the published version
 * for readers, or (for a staff member's preview) the latest draft, read with their access.
 */
async function findArticle(slug: string, previewer?: User): Promise<Article | null> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    where: previewer
      ? { slug: { equals: slug } }
      : { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] },
    limit: 1,
    // blocks inside the body reach agent → logo and agent → primary link at depth 3
    depth: 3,
    draft: Boolean(previewer),
    user: previewer,
    overrideAccess: false,
  })
  return docs[0] ?? null
}

/**
 * The tags of the documents a published article's page shows (its stored dependsOn, as the
 * last save derived it), read with the server's rights: dependsOn is staff-only in the API.
 */
const getArticleShows = cachedQuery(
  'article-shows',
  async (slug: string): Promise<string[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'articles',
      where: { and: [{ slug: { equals: slug } }, PUBLISHED] },
      select: { dependsOn: true },
      limit: 1,
      depth: 0,
      draft: false,
      overrideAccess: true,
    })
    return showsTags(docs[0]?.dependsOn)
  },
  (slug) => [TAGS.article(slug)],
)

/**
 * One published article, cached until it, its categories or any document it shows changes
 * (each of those expires its own `shows:` tag, lib/dependents.ts).
 */
export const getArticleBySlug = cachedQuery(
  'article',
  (slug: string) => findArticle(slug),
  // the bylines (name, profile, the link to the person's page) come from the staff profiles
  async (slug) => [
    TAGS.article(slug),
    TAGS.categories,
    TAGS.people,
    ...(await getArticleShows(slug)),
  ],
)

/** The latest draft for preview: never cached, a preview must show the text as it is now. */
export const getArticleDraftBySlug = (slug: string, user: User) => findArticle(slug, user)

export type ArticleListItem = Awaited<ReturnType<typeof getLatestArticles>>['docs'][number]

/** One category by slug. */
export const getCategoryBySlug = cachedQuery(
  'category',
  async (slug: string) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'categories',
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 0,
      overrideAccess: false,
    })
    return docs[0] ?? null
  },
  [TAGS.categories],
)

/** The most categories the navigation and the sitemap show. */
export const MAX_CATEGORIES = 200

/** All categories, for navigation. */
export const getCategories = cachedQuery(
  'categories',
  async () => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'categories',
      sort: 'name',
      // the site's navigation: a taxonomy of tens, never an archive
      limit: MAX_CATEGORIES,
      pagination: false,
      depth: 0,
      overrideAccess: false,
    })
    return docs
  },
  [TAGS.categories],
)

/** How many articles of a category are published (its number of pages). */
export const getCategoryArticleCount = cachedQuery(
  'category-article-count',
  async (categoryId: Category['id']) =>
    countListed(await getPayloadClient(), categoryList(categoryId)),
  (categoryId) => [TAGS.articleList(categoryList(categoryId)), TAGS.categories],
)

/** Published articles in a category, newest first. */
export const getArticlesInCategory = cachedQuery(
  'category-articles',
  async (categoryId: Category['id'], page: number = 1, limit: number = ARTICLES_PER_PAGE) => {
    const [docs, total] = await Promise.all([
      listedPage(categoryList(categoryId), page, limit, listSelect, 1),
      getCategoryArticleCount(categoryId),
    ])
    return pageOf(docs, total, page, limit)
  },
  (categoryId: Category['id'], _page?: number, _limit?: number) => [
    TAGS.articleList(categoryList(categoryId)),
    TAGS.categories,
  ],
)

/** Published articles whose body features an agent (cards, comparison tables). */
export const getArticlesFeaturingAgent = cachedQuery(
  'articles-featuring-agent',
  (agentId: Agent['id'], limit: number = 6) =>
    listedPage(agentList(agentId), 1, limit, { title: true, slug: true, publishedAt: true }, 0),
  (agentId: Agent['id'], _limit?: number) => [TAGS.articleList(agentList(agentId))],
)

/** Articles editors marked as featured, newest first. */
export const getFeaturedArticles = cachedQuery(
  'featured-articles',
  async (limit: number = 3) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'articles',
      where: { and: [{ _status: { equals: 'published' } }, { featured: { equals: true } }] },
      sort: '-publishedAt',
      limit,
      depth: 1,
      select: listSelect,
      draft: false,
      overrideAccess: false,
    })
    return docs
  },
  [TAGS.articleLists],
)

/** The newest published articles' addresses, leads and dates, for the feed. */
export const getPublishedArticleIndex = cachedQuery(
  'article-index',
  async (limit: number) => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      sort: '-publishedAt',
      limit,
      depth: 0,
      select: { title: true, slug: true, lead: true, publishedAt: true, updatedAt: true },
      draft: false,
      overrideAccess: false,
    })
    return docs
  },
  [TAGS.articleLists],
)

/** How many articles are published (the sitemap index's number of article files). */
export const getPublishedArticleCount = cachedQuery(
  'published-article-count',
  async () => {
    const payload = await getPayloadClient()
    const { totalDocs } = await payload.count({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      overrideAccess: false,
    })
    return totalDocs
  },
  [TAGS.articleLists],
)

/** The published articles as the sitemap lists them: by first publication (lib/sitemapRuns.ts). */
const ARTICLE_RUN: SitemapRun = {
  collection: 'articles',
  where: PUBLISHED,
  order: 'publishedAt',
  access: { overrideAccess: false, draft: false },
}

/** One article sitemap file's addresses: published articles, first published first. */
export const getArticleSitemapFile = cachedQuery(
  'article-sitemap',
  async (file: number, perFile: number) => {
    const rows = await sitemapFileRows(await getPayloadClient(), ARTICLE_RUN, file, perFile, {
      slug: true,
      updatedAt: true,
    })
    return (rows ?? []).map((d) => ({ slug: d.slug as string, updatedAt: d.updatedAt as string }))
  },
  [TAGS.articleLists],
)

/**
 * When each article sitemap file last changed (the index's <lastmod>): the latest `updatedAt`
 * among its articles, from the index over its range of first-publication dates.
 */
export const getArticleSitemapDates = cachedQuery(
  'article-sitemap-dates',
  async (files: number, perFile: number) =>
    sitemapFileDates(await getPayloadClient(), ARTICLE_RUN, files, perFile),
  [TAGS.articleLists],
)

/** What a person did for an article: wrote it, or supervised it. */
export type PersonRole = 'author' | 'supervisor'

/**
 * A page of the published articles a person wrote or supervised, newest first (the
 * author / supervisor indexes on articles), for their page at /authors/[slug].
 */
export const getPersonArticles = cachedQuery(
  'person-articles',
  async (userId: User['id'], role: PersonRole, page: number, limit: number = ARTICLES_PER_PAGE) => {
    const payload = await getPayloadClient()
    const where: Where = { and: [{ [role]: { equals: userId } }, PUBLISHED] }
    const count = payload.count({ collection: 'articles', where, overrideAccess: false })
    return newestFirstPage(
      where,
      page,
      limit,
      count.then((c) => c.totalDocs),
    )
  },
  [TAGS.articleLists, TAGS.people],
)
