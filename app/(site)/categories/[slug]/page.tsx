import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { redirectOrNotFound } from '@/lib/redirectOrNotFound'
import { isValidSlug } from '@/collections/shared/validators'
import { ArticleCard } from '@/components/ArticleCard'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { Pagination } from '@/components/Pagination'
import { getArticlesInCategory, getCategoryBySlug } from '@/lib/queries/articles'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { parsePage } from '@/lib/search'
import { pageMetadata } from '@/lib/seo/metadata'

type Props = {
  params: Promise<{ slug: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const load = async ({ params, searchParams }: Props) => {
  const { slug } = await params
  const page = parsePage((await searchParams).page)
  if (!isValidSlug(slug) || page === null) return null
  const category = await getCategoryBySlug(slug)
  return category ? { category, page } : null
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await load(props)
  if (!found) return {}
  const { category, page } = found
  const settings = await getSiteSettings()
  return pageMetadata({
    title: page > 1 ? `${category.name}の記事一覧(${page}ページ目)` : `${category.name}の記事一覧`,
    description: category.description,
    path: `/categories/${category.slug}${page > 1 ? `?page=${page}` : ''}`,
    siteName: settings.siteName,
  })
}

export default async function CategoryPage(props: Props) {
  const found = await load(props)
  if (!found) {
    const { slug } = await props.params
    if (isValidSlug(slug)) return redirectOrNotFound(`/categories/${slug}`)
    notFound()
  }
  const { category, page } = found
  const articles = await getArticlesInCategory(category.id, page)
  if (page > 1 && page > articles.totalPages) notFound()

  return (
    <div>
      <Breadcrumbs items={[{ name: 'ホーム', href: '/' }, { name: category.name }]} />
      <h1 className="mt-3 text-2xl font-bold">{category.name}</h1>
      {category.description ? (
        <p className="mt-2 leading-relaxed text-slate-700">{category.description}</p>
      ) : null}
      {/* the cards' titles are h3: this keeps the outline h1 → h2 → h3 */}
      <h2 className="sr-only">{category.name}の記事一覧</h2>
      {articles.docs.length ? (
        <div className="mt-4 sm:grid sm:grid-cols-2 sm:gap-6 lg:grid-cols-3">
          {articles.docs.map((article) => (
            <ArticleCard key={article.id} article={article} />
          ))}
        </div>
      ) : (
        <p className="mt-6 text-slate-700">このカテゴリの記事はまだありません。</p>
      )}
      <Pagination
        page={page}
        totalPages={articles.totalPages}
        hrefFor={(p) => `/categories/${category.slug}${p > 1 ? `?page=${p}` : ''}`}
      />
    </div>
  )
}
