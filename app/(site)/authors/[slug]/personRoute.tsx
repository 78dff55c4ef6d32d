import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { PersonPage, ROLE_PATHS } from '@/components/PersonPage'
import { getPersonArticles, type PersonRole } from '@/lib/queries/articles'
import { getPersonBySlug } from '@/lib/queries/people'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { parsePage } from '@/lib/search'
import { pageMetadata } from '@/lib/seo/metadata'

export type PersonProps = {
  params: Promise<{ slug: string }>
  searchParams: Promise<{ page?: string | string[] }>
}

const TITLES: Record<PersonRole, string> = { author: '執筆記事', supervisor: '監修記事' }

async function load({ params, searchParams }: PersonProps) {
  const page = parsePage((await searchParams).page)
  const person = page === null ? null : await getPersonBySlug((await params).slug)
  return person && page !== null ? { person, page } : null
}

/** The metadata and the page of one tab of a person's page (/authors/[slug], …/supervised). */
export function personRoute(role: PersonRole) {
  async function generateMetadata(props: PersonProps): Promise<Metadata> {
    const [found, settings] = await Promise.all([load(props), getSiteSettings()])
    if (!found) return {}
    const { person, page } = found
    const suffix = page > 1 ? `(${page}ページ目)` : ''
    return pageMetadata({
      title: `${person.displayName}の${TITLES[role]}${suffix}`,
      description: [person.qualification, person.bio].filter(Boolean).join(' ').slice(0, 120),
      path: `/authors/${person.profileSlug}${ROLE_PATHS[role]}${page > 1 ? `?page=${page}` : ''}`,
      siteName: settings.siteName,
    })
  }

  async function Page(props: PersonProps) {
    const found = await load(props)
    if (!found) notFound()
    const { person, page } = found
    const other: PersonRole = role === 'author' ? 'supervisor' : 'author'
    const [articles, others] = await Promise.all([
      getPersonArticles(person.id, role, page),
      getPersonArticles(person.id, other, 1),
    ])
    if (page > 1 && page > articles.totalPages) notFound()
    const counts = { [role]: articles.totalDocs, [other]: others.totalDocs } as Record<
      PersonRole,
      number
    >
    return (
      <PersonPage person={person} role={role} page={page} articles={articles} counts={counts} />
    )
  }

  return { generateMetadata, Page }
}
