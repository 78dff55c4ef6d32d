import { createHmac } from 'node:crypto'

import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import type { Media } from '@/payload-types'

import { AGENTS, EXTRA_LINKS } from './data/agents'
import { ARTICLES, type Refs } from './data/articles'
import { AFFILIATE_SETTINGS, CATEGORIES, DEMO_USERS, SITE_SETTINGS } from './data/people'
import { REVIEWS } from './data/reviews'
import { drawHero, drawLogo } from './images'

// every collection's id has one type, the generated types' (numbers for SQLite, strings when the
// types are generated against MongoDB): the seed never names it
type Id = Media['id']

/** The id an earlier step gave a natural key (a wrong key in the demo data fails loudly). */
function idOf(ids: Map<string, Id>, key: string): Id {
  const id = ids.get(key)
  if (id === undefined) throw new Error(`seed: nothing was created for "${key}"`)
  return id
}
export type SeedSummary = Record<
  'users' | 'categories' | 'agents' | 'links' | 'reviews' | 'articles',
  number
>

const DAY = 24 * 60 * 60 * 1000
// the seed runs without revalidation hooks and as the system, not as a visitor
const context = { disableRevalidate: true, seeding: true }

/** Demo reviewers are keyed by a hash, as real ones are: the seed never stores an address. */
const demoSubmitterHash = (key: string) =>
  createHmac('sha256', 'demo-seed').update(`${key}@reviewers.example`).digest('hex')

/**
 * Creates the demo content. Idempotent: every record has a natural key (e-mail, slug,
 * image alt text, submitter hash) and is created only when no record with that key exists.
 */
export async function seed(
  payload: Payload,
  log: (line: string) => void = () => {},
): Promise<SeedSummary> {
  const created: SeedSummary = {
    users: 0,
    categories: 0,
    agents: 0,
    links: 0,
    reviews: 0,
    articles: 0,
  }
  const base = { overrideAccess: true, depth: 0, context } as const

  async function ensure<
    S extends 'users' | 'categories' | 'agents' | 'affiliate-links' | 'reviews' | 'articles',
  >(
    collection: S,
    field: string,
    value: string,
    data: () => Promise<RequiredDataFromCollectionSlug<S>> | RequiredDataFromCollectionSlug<S>,
    extra: { draft?: boolean } = {},
  ): Promise<{ id: Id; created: boolean }> {
    const found = await payload.find({
      ...base,
      collection,
      where: { [field]: { equals: value } },
      limit: 1,
      draft: true,
    })
    if (found.docs[0]) return { id: found.docs[0].id, created: false }
    // the generic create() overloads cannot be narrowed per collection here; data is typed by the caller
    const doc = await payload.create({
      ...base,
      collection,
      data: await data(),
      draft: extra.draft,
    } as never)
    const { id } = doc as { id: Id }
    return { id, created: true }
  }

  // keyed by alt text: Payload renames a file whose name is taken, so the name is no key
  async function ensureImage(
    filename: string,
    alt: string,
    draw: () => Promise<Buffer>,
  ): Promise<Media['id']> {
    const found = await payload.find({
      ...base,
      collection: 'media',
      where: { alt: { equals: alt } },
      limit: 1,
    })
    if (found.docs[0]) return found.docs[0].id
    const data = await draw()
    const doc = await payload.create({
      ...base,
      collection: 'media',
      data: { alt },
      file: { data, mimetype: 'image/png', name: filename, size: data.length },
    })
    return doc.id
  }

  const demoPassword = process.env.DEMO_PASSWORD?.trim()
  const users = new Map<string, Id>()
  for (const user of DEMO_USERS) {
    const result = await ensure('users', 'email', user.email, () => ({
      email: user.email,
      password: demoPassword || user.password,
      displayName: user.displayName,
      roles: [...user.roles],
      qualification: user.qualification,
      bio: user.bio,
      // the authors' and supervisors' pages (/authors/[slug])
      profileSlug: 'profileSlug' in user ? user.profileSlug : null,
    }))
    users.set(user.email, result.id)
    if (result.created) created.users++
  }

  const categories = new Map<string, Id>()
  for (const category of CATEGORIES) {
    const result = await ensure('categories', 'slug', category.slug, () => category)
    categories.set(category.slug, result.id)
    if (result.created) created.categories++
  }

  const agents = new Map<string, Id>()
  const links = new Map<string, Id>()
  for (const agent of AGENTS) {
    const result = await ensure('agents', 'slug', agent.slug, async () => ({
      name: agent.name,
      slug: agent.slug,
      kind: agent.kind,
      logo: await ensureImage(`logo-${agent.slug}.png`, `${agent.name}のロゴ`, () =>
        drawLogo(agent.color, agent.initials),
      ),
      catchCopy: agent.catchCopy,
      description: agent.description,
      // the invented agency's own (.example) site, where its landing page lives
      officialUrl: `${new URL(agent.link.url).origin}/`,
      strengths: agent.strengths.map((text) => ({ text })),
      target: agent.target,
      facts: agent.facts.map((fact) => ({ ...fact, asOf: new Date(fact.asOf).toISOString() })),
    }))
    agents.set(agent.slug, result.id)
    if (result.created) created.agents++

    const link = await ensure('affiliate-links', 'slug', agent.link.slug, () => ({
      name: `${agent.name}(${agent.link.asp})`,
      slug: agent.link.slug,
      agent: result.id,
      asp: agent.link.asp,
      destinationUrl: agent.link.url,
      status: 'active' as const,
    }))
    links.set(agent.link.slug, link.id)
    if (link.created) {
      created.links++
      await payload.update({
        ...base,
        collection: 'agents',
        id: result.id,
        data: { primaryLink: link.id },
      })
    }
  }
  for (const extra of EXTRA_LINKS) {
    const link = await ensure('affiliate-links', 'slug', extra.slug, () => ({
      name: extra.name,
      slug: extra.slug,
      agent: idOf(agents, extra.agent),
      asp: extra.asp,
      destinationUrl: extra.url,
      status: extra.status,
      activeFrom: 'activeFrom' in extra ? extra.activeFrom : null,
      activeUntil: 'activeUntil' in extra ? extra.activeUntil : null,
      fallbackUrl: 'fallbackUrl' in extra ? extra.fallbackUrl : null,
    }))
    links.set(extra.slug, link.id)
    if (link.created) created.links++
  }

  const reviews = new Map<string, Id>()
  const now = Date.now()
  for (const review of REVIEWS) {
    const hash = demoSubmitterHash(review.key)
    const result = await ensure('reviews', 'submitterHash', hash, () => ({
      agent: idOf(agents, review.agent),
      rating: review.rating,
      title: review.title,
      body: review.body,
      penName: review.penName,
      ageBand: review.ageBand as never,
      gender: review.gender as never,
      industry: review.industry as never,
      experienceYears: review.experienceYears as never,
      usage: review.usage as never,
      status: review.status,
      rejectionCategory: review.rejectionCategory,
      rejectionReason: review.rejectionReason,
      submittedAt: new Date(now - review.daysAgo * DAY).toISOString(),
      submitterHash: hash,
    }))
    reviews.set(review.key, result.id)
    if (result.created) created.reviews++
  }

  const pick = (map: Map<string, Id>, kind: string) => (key: string) => {
    const id = map.get(key)
    if (id === undefined) throw new Error(`seed: unknown ${kind} "${key}"`)
    return id
  }
  const refs: Refs = {
    agent: pick(agents, 'agent'),
    link: pick(links, 'link'),
    review: pick(reviews, 'review'),
  }

  const articles = new Map<string, Id>()
  for (const article of ARTICLES) {
    const result = await ensure(
      'articles',
      'slug',
      article.slug,
      async () => ({
        title: article.title,
        slug: article.slug,
        lead: article.lead,
        heroImage: await ensureImage(`hero-${article.slug}.png`, article.hero.alt, () =>
          drawHero(article.hero.color, article.slug),
        ),
        categories: article.categories.map((slug) => idOf(categories, slug)),
        author: idOf(users, article.author),
        supervisor: article.supervisor ? idOf(users, article.supervisor) : null,
        body: article.body(refs) as never,
        summary: article.summary,
        featured: article.featured ?? false,
        publishedAt:
          article.status === 'published'
            ? new Date(now - article.daysAgo * DAY).toISOString()
            : null,
        _status: article.status,
        ...(article.workflowState ? { workflowState: article.workflowState } : {}),
      }),
      { draft: article.status === 'draft' },
    )
    articles.set(article.slug, result.id)
    if (result.created) created.articles++
  }
  // related articles point at each other, so they are linked once all exist
  for (const article of ARTICLES) {
    if (!article.related?.length) continue
    const id = idOf(articles, article.slug)
    const current = await payload.findByID({ ...base, collection: 'articles', id, draft: true })
    if (current.relatedArticles?.length) continue
    await payload.update({
      ...base,
      collection: 'articles',
      id,
      data: { relatedArticles: article.related.map((slug) => idOf(articles, slug)) },
      draft: article.status === 'draft',
    })
  }

  const settings = await payload.findGlobal({ ...base, slug: 'site-settings' })
  if (!settings.siteName) {
    await payload.updateGlobal({ ...base, slug: 'site-settings', data: SITE_SETTINGS })
  }
  const affiliate = await payload.findGlobal({ ...base, slug: 'affiliate-settings' })
  if (!affiliate.subIds?.length) {
    await payload.updateGlobal({ ...base, slug: 'affiliate-settings', data: AFFILIATE_SETTINGS })
  }

  log(
    `seed: created ${created.users} users, ${created.categories} categories, ${created.agents} agents, ` +
      `${created.links} links, ${created.reviews} reviews, ${created.articles} articles`,
  )
  return created
}

/** True when the database holds no user yet, i.e. this is a first start. */
export async function isEmpty(payload: Payload): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  return totalDocs === 0
}
