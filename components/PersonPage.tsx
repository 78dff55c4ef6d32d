import Link from 'next/link'
import type { ComponentProps } from 'react'

import { ArticleCard } from '@/components/ArticleCard'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { Pagination } from '@/components/Pagination'
import { serverUrl } from '@/lib/env'
import type { PersonRole } from '@/lib/queries/articles'
import type { PublicPerson } from '@/lib/queries/people'
import { breadcrumbJsonLd, personJsonLd } from '@/lib/seo/jsonLd'

export const ROLE_PATHS: Record<PersonRole, string> = { author: '', supervisor: '/supervised' }
const ROLE_LISTS: Record<PersonRole, string> = {
  author: '執筆した記事',
  supervisor: '監修した記事',
}

type Props = {
  person: PublicPerson
  role: PersonRole
  page: number
  articles: { docs: ComponentProps<typeof ArticleCard>['article'][]; totalPages: number }
  counts: Record<PersonRole, number>
}

/**
 * An author's or supervisor's page: who they are (name, qualification, profile) and the
 * articles they wrote or supervised, one list a tab, newest first.
 */
export function PersonPage({ person, role, page, articles, counts }: Props) {
  const base = `/authors/${person.profileSlug}`
  const origin = serverUrl()
  return (
    <div className="mx-auto max-w-3xl">
      <JsonLd data={personJsonLd(person, origin)} />
      <JsonLd
        data={breadcrumbJsonLd(
          [{ name: 'ホーム', path: '/' }, { name: person.displayName }],
          origin,
        )}
      />
      <Breadcrumbs items={[{ name: 'ホーム', href: '/' }, { name: person.displayName }]} />
      <header className="mt-4">
        <p className="text-sm text-slate-600">著者・監修者</p>
        <h1 className="text-2xl leading-snug font-bold">{person.displayName}</h1>
        {person.qualification ? (
          <p className="mt-1 font-bold text-slate-700">{person.qualification}</p>
        ) : null}
        {person.bio ? (
          <p className="mt-3 leading-relaxed whitespace-pre-line text-slate-800">{person.bio}</p>
        ) : null}
      </header>
      <nav aria-label="記事の種類" className="mt-6 border-b border-slate-200">
        <ul className="flex gap-2">
          {(Object.keys(ROLE_LISTS) as PersonRole[]).map((r) => (
            <li key={r}>
              <Link
                href={`${base}${ROLE_PATHS[r]}`}
                aria-current={r === role ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-bold ${
                  r === role
                    ? 'border-brand-700 text-brand-900'
                    : 'border-transparent text-slate-700 hover:text-brand-700'
                }`}
              >
                {ROLE_LISTS[r]}({counts[r]}件)
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* the cards' titles are h3 */}
      <h2 className="sr-only">
        {person.displayName}が{ROLE_LISTS[role]}
      </h2>
      {articles.docs.length ? (
        <div className="mt-4 sm:grid sm:grid-cols-2 sm:gap-6">
          {articles.docs.map((article) => (
            <ArticleCard key={article.id} article={article} />
          ))}
        </div>
      ) : (
        <p className="mt-6 text-slate-700">{ROLE_LISTS[role]}はまだありません。</p>
      )}
      <Pagination
        page={page}
        totalPages={articles.totalPages}
        hrefFor={(p) => `${base}${ROLE_PATHS[role]}${p > 1 ? `?page=${p}` : ''}`}
      />
    </div>
  )
}
