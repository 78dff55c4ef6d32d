import { cachedQuery } from '@/lib/cache'
import { TAGS } from '@/lib/cacheTags'
import { daysAgo, outcomesByRating, totals } from '@/lib/moderationStats'
import { isDocumentId } from '@/lib/documentIds'
import { getPayloadClient } from '@/lib/payload'
import { pageRows } from '@/lib/pageRows'
import { sitemapFileDates, sitemapFileRows, type SitemapRun } from '@/lib/sitemapRuns'
import { searchAgentReviews } from '@/lib/searchIndex/reviews'
import type { ReviewFilters, ReviewSort } from '@/lib/reviewFilters'
import { relationId } from '@/lib/ids'
import type { Agent, Review } from '@/payload-types'
import type { Where } from 'payload'

import {
  keysShowing,
  publicChips,
  type AttributeGroups,
  type Attributes,
} from '@/lib/reviewPrivacy'

export const REVIEWS_PER_PAGE = 10

/** One agent with its logo and primary link populated. */
export const getAgentBySlug = cachedQuery(
  'agent',
  async (slug: string): Promise<Agent | null> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'agents',
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 1,
      overrideAccess: false,
    })
    return docs[0] ?? null
  },
  (slug) => [TAGS.agent(slug)],
)

/**
 * The most agents the agents index, search and the sitemap show: the site reviews a few hundred
 * agents, and a catalogue past this needs the index paged before it grows.
 */
export const MAX_AGENTS = 500

/** All agents, best rated first, for listings and the top-agents block. */
export const getAgents = cachedQuery(
  'agents',
  async (): Promise<Agent[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'agents',
      sort: ['-ratingAverage', '-reviewCount'],
      limit: MAX_AGENTS,
      pagination: false,
      depth: 1,
      overrideAccess: false,
    })
    return docs
  },
  [TAGS.agentLists],
)

const sortField: Record<ReviewSort, string[]> = {
  newest: ['-submittedAt'],
  highest: ['-rating', '-submittedAt'],
  lowest: ['rating', '-submittedAt'],
  helpful: ['-helpfulCount', '-submittedAt'],
}

const REVIEW_FIELDS = {
  rating: true,
  title: true,
  body: true,
  penName: true,
  ageBand: true,
  gender: true,
  industry: true,
  experienceYears: true,
  usage: true,
  usedYear: true,
  usedMonth: true,
  rewarded: true,
  subRatings: true,
  reply: true,
  helpfulCount: true,
  submittedAt: true,
} as const

/**
 * The counts behind the privacy rule for an agent's chips (staff-only on the API), and how many
 * approved reviews it has (kept on the agent by its reviews' hooks).
 */
async function reviewFiguresOf(agentId: Agent['id']) {
  const payload = await getPayloadClient()
  const agent = await payload.findByID({
    collection: 'agents',
    id: agentId,
    depth: 0,
    select: { reviewAttributeGroups: true, reviewCount: true },
    overrideAccess: true,
    disableErrors: true,
  })
  const groups = agent?.reviewAttributeGroups
  return {
    groups:
      groups && typeof groups === 'object' && !Array.isArray(groups)
        ? (groups as AttributeGroups)
        : {},
    approved: agent?.reviewCount ?? 0,
  }
}

/**
 * A review as readers get it: its attributes only as the chips the privacy rule allows
 * (lib/reviewPrivacy.ts), never the answers themselves.
 */
function toPublic<R extends Attributes & { id: unknown }>(review: R, groups: AttributeGroups) {
  const { ageBand: _a, gender: _g, industry: _i, experienceYears: _e, ...rest } = review
  return { ...rest, ...publicChips(review, groups) }
}

/**
 * A page of an agent's approved reviews, filtered and sorted. Read with the server's rights
 * because the attributes are staff-only on the API; the where keeps it to approved reviews
 * and toPublic to what the rule allows. An attribute filter lists only reviews whose chips
 * show that attribute as answered.
 */
async function readApprovedReviews(
  agentId: Agent['id'],
  page = 1,
  sort: ReviewSort = 'newest',
  limit = REVIEWS_PER_PAGE,
  filters: ReviewFilters = {},
) {
  const payload = await getPayloadClient()
  const { groups, approved } = await reviewFiguresOf(agentId)
  const and: Where[] = [{ agent: { equals: agentId } }, { status: { equals: 'approved' } }]
  const { rating, q, ...attributes } = filters
  // words: the newest COUNT_CAP matches from the review index, then filtered and sorted here
  // like the rest (lib/searchIndex/reviews)
  const search = q ? await searchAgentReviews(payload, agentId, q) : null
  if (search && !search.ids.length) {
    return { totalDocs: 0, totalPages: 1, page, docs: [], search }
  }
  if (search) and.push({ id: { in: search.ids } })
  if (rating !== undefined) and.push({ rating: { equals: rating } })
  if (Object.keys(attributes).length > 0)
    and.push({ attributeKey: { in: keysShowing(attributes, groups) } })
  // unfiltered, the agent's own count of approved reviews numbers the pages (no count query
  // over a busy agent's reviews on every page view); a filtered view counts its matches
  const filtered = and.length > 2
  const query = {
    collection: 'reviews',
    where: { and },
    sort: sortField[sort],
    page,
    limit,
    depth: 0,
    select: REVIEW_FIELDS,
    overrideAccess: true,
  } as const
  const { docs, totalDocs } = filtered
    ? await payload.find(query)
    : { docs: await pageRows(payload, query), totalDocs: approved }
  const counted = { totalDocs, totalPages: Math.max(1, Math.ceil(totalDocs / limit)), page }
  return { ...counted, docs: docs.map((review) => toPublic(review, groups)), search }
}

/**
 * One approved review of an agent, as its own page shows it and as an article quotes it (the
 * review-excerpt block), chips by the same rule; null when it is not approved, is another
 * agent's, or the id is not one this database could have. Expires with the agent's reviews,
 * whose changes can change what the chips may show.
 */
export const getPublicReview = cachedQuery(
  'public-review',
  async (reviewId: string | number, agentId: Agent['id']) => {
    const payload = await getPayloadClient()
    if (!isDocumentId(payload, reviewId)) return null
    const { docs } = await payload.find({
      collection: 'reviews',
      where: {
        and: [
          { id: { equals: reviewId } },
          { agent: { equals: agentId } },
          { status: { equals: 'approved' } },
        ],
      },
      limit: 1,
      depth: 0,
      select: REVIEW_FIELDS,
      overrideAccess: true,
    })
    return docs[0] ? toPublic(docs[0], (await reviewFiguresOf(agentId)).groups) : null
  },
  (_reviewId, agentId) => [TAGS.agentReviews(agentId)],
)

export const getApprovedReviews = cachedQuery<
  Parameters<typeof readApprovedReviews>,
  Awaited<ReturnType<typeof readApprovedReviews>>
>('approved-reviews', readApprovedReviews, (agentId) => [TAGS.agentReviews(agentId)])

export type PublicReview = Awaited<ReturnType<typeof getApprovedReviews>>['docs'][number]

/**
 * What happened to the reviews of an agent submitted in the last 12 months: received,
 * published, not published and waiting (the line under the agent's reviews). Expires with
 * the agent's reviews, so every decision shows at once.
 */
export const getReviewOutcomes = cachedQuery(
  'review-outcomes',
  async (agentId: Agent['id']) => {
    const payload = await getPayloadClient()
    return totals(await outcomesByRating(payload, { since: daysAgo(365), agent: agentId }))
  },
  (agentId) => [TAGS.agentReviews(agentId)],
)

/** The published reviews as the sitemap lists their own pages: by submission (lib/sitemapRuns.ts). */
const REVIEW_RUN: SitemapRun = {
  collection: 'reviews',
  where: { status: { equals: 'approved' } },
  order: 'submittedAt',
  // the where keeps to published reviews; only ids, agents and dates are read
  access: { overrideAccess: true },
}

/** How many reviews are published (the sitemap index's number of review files). */
export const getPublishedReviewCount = cachedQuery(
  'published-review-count',
  async () => {
    const payload = await getPayloadClient()
    const { totalDocs } = await payload.count({
      collection: 'reviews',
      where: REVIEW_RUN.where,
      overrideAccess: true,
    })
    return totalDocs
  },
  [TAGS.reviewLists],
)

/**
 * One review sitemap file: the own pages (/agents/[slug]/reviews/[id]) of published reviews,
 * first submitted first, with their last change; a review of an agent no longer listed has no
 * page and is left out. Null past the last file.
 */
export const getReviewSitemapFile = cachedQuery(
  'review-sitemap',
  async (file: number, perFile: number) => {
    const payload = await getPayloadClient()
    const [rows, agents] = await Promise.all([
      sitemapFileRows(payload, REVIEW_RUN, file, perFile, { agent: true, updatedAt: true }),
      getAgents(),
    ])
    if (!rows) return null
    const slugs = new Map(agents.map((agent) => [String(agent.id), agent.slug]))
    return rows.flatMap((row) => {
      const slug = slugs.get(String(relationId(row.agent as Review['agent'])))
      return slug
        ? [
            {
              path: `/agents/${slug}/reviews/${encodeURIComponent(String(row.id))}`,
              updatedAt: row.updatedAt as string,
            },
          ]
        : []
    })
  },
  [TAGS.reviewLists, TAGS.agentLists],
)

/** When each review sitemap file last changed (the index's <lastmod>). */
export const getReviewSitemapDates = cachedQuery(
  'review-sitemap-dates',
  async (files: number, perFile: number) =>
    sitemapFileDates(await getPayloadClient(), REVIEW_RUN, files, perFile),
  [TAGS.reviewLists],
)
