import type {
  AggregateRating,
  Article as ArticleLd,
  BreadcrumbList,
  Organization,
  ProfilePage,
  Review as ReviewLd,
  WithContext,
} from 'schema-dts'

import type { Agent, Article, SiteSetting } from '@/payload-types'
import { ANONYMOUS_REVIEWER } from '@/lib/reviewForm'

type Settings = Pick<SiteSetting, 'siteName' | 'operatorName'>

/** The site's publisher, referenced by every article. */
export function organizationJsonLd(settings: Settings, origin: string): WithContext<Organization> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': `${origin}/#organization`,
    name: settings.siteName,
    url: `${origin}/`,
    // the site's mark (app/icon.svg, served at /icon.svg)
    logo: { '@type': 'ImageObject', url: `${origin}/icon.svg` },
    legalName: settings.operatorName,
  }
}

/** ホーム › … › current page, as BreadcrumbList. */
export function breadcrumbJsonLd(
  items: { name: string; path?: string }[],
  origin: string,
): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      ...(item.path ? { item: `${origin}${item.path}` } : {}),
    })),
  }
}

type ArticleInput = Pick<
  Article,
  'title' | 'slug' | 'lead' | 'publishedAt' | 'updatedAt' | 'bylines'
> & {
  image?: string | null
}

/** Article with headline, dates, author and 監修者 (as reviewedBy would be for a web page). */
export function articleJsonLd(
  article: ArticleInput,
  settings: Settings,
  origin: string,
): WithContext<ArticleLd> {
  const person = (role: 'author' | 'supervisor') =>
    (article.bylines ?? [])
      .filter((b) => b.role === role && b.name)
      .map((b) => ({
        '@type': 'Person' as const,
        name: b.name as string,
        ...(b.qualification ? { jobTitle: b.qualification } : {}),
        // their page on this site, where they have one
        ...(b.slug ? { url: `${origin}/authors/${b.slug}` } : {}),
      }))
  const authors = person('author')
  const supervisors = person('supervisor')
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: article.title.slice(0, 110),
    description: article.lead,
    mainEntityOfPage: `${origin}/articles/${article.slug}`,
    url: `${origin}/articles/${article.slug}`,
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
    dateModified: article.updatedAt,
    ...(article.image ? { image: [article.image] } : {}),
    author: authors.length ? authors : { '@id': `${origin}/#organization` },
    ...(supervisors.length ? { contributor: supervisors } : {}),
    publisher: { '@id': `${origin}/#organization` },
    inLanguage: 'ja',
  }
}

/** One id for an agent's Organization wherever the site describes it. */
const agentLdId = (agent: Pick<Agent, 'slug'>, origin: string) =>
  `${origin}/agents/${agent.slug}#organization`

/** An author's or supervisor's page: a ProfilePage about the Person. */
export function personJsonLd(
  person: {
    displayName: string
    profileSlug: string
    qualification: string | null
    bio: string | null
  },
  origin: string,
): WithContext<ProfilePage> {
  const url = `${origin}/authors/${person.profileSlug}`
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url,
    mainEntity: {
      '@type': 'Person',
      name: person.displayName,
      url,
      ...(person.qualification ? { jobTitle: person.qualification } : {}),
      ...(person.bio ? { description: person.bio } : {}),
    },
  }
}

type ReviewInput = {
  rating: number
  title: string
  body: string
  submittedAt: string
  /** the name the reader chose, if any */
  penName?: string | null
}

function reviewLd(r: ReviewInput): ReviewLd {
  return {
    '@type': 'Review',
    name: r.title,
    reviewBody: r.body,
    datePublished: r.submittedAt.slice(0, 10),
    reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5, worstRating: 1 },
    // the reader's pen name, or a fixed wording: attributes are not a name
    author: { '@type': 'Person', name: r.penName || ANONYMOUS_REVIEWER },
  }
}

/** One review on its own page: the Review, with the agent it is about. */
export function singleReviewJsonLd(
  agent: Pick<Agent, 'name' | 'slug'>,
  review: ReviewInput,
  path: string,
  origin: string,
): WithContext<ReviewLd> {
  return {
    '@context': 'https://schema.org',
    ...reviewLd(review),
    url: `${origin}${path}`,
    // the agent's Organization as its own page describes it (agentJsonLd)
    itemReviewed: { '@type': 'Organization', '@id': agentLdId(agent, origin), name: agent.name },
  }
}

/** An agent as an Organization with its AggregateRating and the reviews on the page. */
export function agentJsonLd(
  agent: Pick<
    Agent,
    'name' | 'slug' | 'description' | 'ratingAverage' | 'reviewCount' | 'officialUrl' | 'sameAs'
  >,
  reviews: ReviewInput[],
  origin: string,
): WithContext<Organization> {
  const aggregate: AggregateRating | undefined =
    agent.reviewCount && agent.ratingAverage
      ? {
          '@type': 'AggregateRating',
          ratingValue: agent.ratingAverage,
          reviewCount: agent.reviewCount,
          bestRating: 5,
          worstRating: 1,
        }
      : undefined
  const review: ReviewLd[] = reviews.map(reviewLd)
  const sameAs = (agent.sameAs ?? []).map((profile) => profile.url)
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': agentLdId(agent, origin),
    name: agent.name,
    description: agent.description,
    // the agency's own site where the editors entered it; this site's page about it otherwise
    url: agent.officialUrl || `${origin}/agents/${agent.slug}`,
    ...(sameAs.length ? { sameAs } : {}),
    ...(aggregate ? { aggregateRating: aggregate } : {}),
    ...(review.length ? { review } : {}),
  }
}

/**
 * JSON for a <script type="application/ld+json">: `<` is escaped so no value, however
 * written, can close the script element.
 */
export const serializeJsonLd = (data: unknown): string =>
  JSON.stringify(data).replace(/</g, '\\u003c')
