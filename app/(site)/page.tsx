import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { ArticleCard } from '@/components/ArticleCard'
import { Pagination } from '@/components/Pagination'
import { RatingStars } from '@/components/RatingStars'
import { getAgents } from '@/lib/queries/agents'
import { getCategories, getFeaturedArticles, getLatestArticles } from '@/lib/queries/articles'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { parsePage } from '@/lib/search'
import { pageMetadata } from '@/lib/seo/metadata'
import { AGENT_KINDS } from '@/lib/taxonomy'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const page = parsePage((await searchParams).page) ?? 1
  const settings = await getSiteSettings()
  const meta = pageMetadata({
    title: page > 1 ? `新着記事(${page}ページ目)` : settings.siteName,
    description: settings.siteDescription,
    path: page > 1 ? `/?page=${page}` : '/',
    siteName: settings.siteName,
  })
  // the home page's title is the site name alone, not "name | name"
  return page > 1 ? meta : { ...meta, title: { absolute: settings.siteName } }
}

export default async function HomePage({ searchParams }: Props) {
  const page = parsePage((await searchParams).page)
  if (page === null) notFound()
  const [settings, articles, featured, categories, agents] = await Promise.all([
    getSiteSettings(),
    getLatestArticles(page),
    page === 1 ? getFeaturedArticles() : Promise.resolve([]),
    getCategories(),
    getAgents(),
  ])
  if (page > 1 && page > articles.totalPages) notFound()

  return (
    <div className="space-y-12">
      <section aria-labelledby="intro">
        <h1 id="intro" className="text-2xl font-bold sm:text-3xl">
          {settings.siteName}
        </h1>
        {settings.siteDescription ? (
          <p className="mt-2 leading-relaxed text-slate-700">{settings.siteDescription}</p>
        ) : null}
        <nav aria-label="カテゴリ" className="mt-4">
          <ul className="flex flex-wrap gap-2 text-sm">
            {categories.map((category) => (
              <li key={category.id}>
                <Link
                  href={`/categories/${category.slug}`}
                  className="inline-flex min-h-11 items-center rounded-full border border-slate-300 px-4 hover:border-brand-700 hover:text-brand-700"
                >
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </section>

      {featured.length ? (
        <section aria-labelledby="featured">
          <h2 id="featured" className="text-xl font-bold">
            注目の記事
          </h2>
          <div className="mt-2 sm:mt-4 sm:grid sm:grid-cols-2 sm:gap-6 lg:grid-cols-3">
            {featured.map((article) => (
              <ArticleCard key={article.id} article={article} />
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="latest">
        <h2 id="latest" className="text-xl font-bold">
          新着記事
        </h2>
        {articles.docs.length ? (
          <div className="mt-2 sm:mt-4 sm:grid sm:grid-cols-2 sm:gap-6 lg:grid-cols-3">
            {articles.docs.map((article) => (
              <ArticleCard key={article.id} article={article} />
            ))}
          </div>
        ) : (
          <p className="mt-4 text-slate-700">公開中の記事はまだありません。</p>
        )}
        <Pagination
          page={page}
          totalPages={articles.totalPages}
          hrefFor={(p) => (p > 1 ? `/?page=${p}` : '/')}
          label="新着記事のページ送り"
        />
      </section>

      <section aria-labelledby="agents">
        <h2 id="agents" className="text-xl font-bold">
          口コミ評価の高いエージェント
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          承認済みの口コミの平均評価が高い順(同点は口コミ数の多い順)。広告掲載の有無は順位に影響しません。
        </p>
        <ol className="mt-4 grid gap-3 sm:grid-cols-2">
          {agents.slice(0, 4).map((agent) => (
            <li key={agent.id} className="rounded-lg border border-slate-200 p-4">
              <Link
                href={`/agents/${agent.slug}`}
                className="inline-block py-1 font-bold text-brand-700 underline"
              >
                {agent.name}
              </Link>
              <p className="text-xs text-slate-600">{AGENT_KINDS[agent.kind]}</p>
              <p className="mt-1 flex items-center gap-2 text-sm">
                <RatingStars value={agent.ratingAverage ?? 0} size="sm" />
                {(agent.ratingAverage ?? 0).toFixed(1)}(口コミ{agent.reviewCount ?? 0}件)
              </p>
            </li>
          ))}
        </ol>
        <p className="mt-4 text-sm">
          <Link href="/agents" className="inline-block py-1 text-brand-700 underline">
            すべてのエージェントを比較する
          </Link>
        </p>
      </section>
    </div>
  )
}
