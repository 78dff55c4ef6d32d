import { RichText } from '@payloadcms/richtext-lexical/react'
import type { Metadata } from 'next'
import Link from 'next/link'

import { articleConverters } from '@/blocks/RenderBlocks'
import { redirectOrNotFound } from '@/lib/redirectOrNotFound'
import { bodyReferences } from '@/lib/bodyReferences'
import { ArticleCard } from '@/components/ArticleCard'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { Bylines } from '@/components/Bylines'
import { JsonLd } from '@/components/JsonLd'
import { MediaImage, ogImageUrl } from '@/components/MediaImage'
import { serverUrl } from '@/lib/env'
import { articleJsonLd, breadcrumbJsonLd } from '@/lib/seo/jsonLd'
import { pageMetadata } from '@/lib/seo/metadata'
import { PrDisclosure } from '@/components/PrDisclosure'
import { TableOfContents } from '@/components/TableOfContents'
import { isValidSlug } from '@/collections/shared/validators'
import { formatDateJa } from '@/lib/i18n'
import { getArticleBySlug, getArticleDraftBySlug } from '@/lib/queries/articles'
import { getPreviewUser } from '@/lib/previewUser'
import { PreviewBanner } from '@/components/PreviewBanner'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { extractToc } from '@/lib/toc'
import type { Article, Category } from '@/payload-types'

// Incremental static regeneration: each article is rendered on its first visit, then served
// from the route cache until a change to it (or to what it shows) expires its tags.
export async function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

const loadArticle = async (slug: string) => (isValidSlug(slug) ? getArticleBySlug(slug) : null)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [article, settings] = await Promise.all([
    loadArticle((await params).slug),
    getSiteSettings(),
  ])
  if (!article) return {}
  return pageMetadata({
    title: article.meta?.title || article.title,
    description: article.meta?.description || article.lead.slice(0, 120),
    path: `/articles/${article.slug}`,
    image: ogImageUrl(article.meta?.image) ?? ogImageUrl(article.heroImage),
    type: 'article',
    publishedTime: article.publishedAt,
    modifiedTime: article.updatedAt,
    siteName: settings.siteName,
  })
}

const categoriesOf = (article: Article): Category[] =>
  (article.categories ?? []).filter((c): c is Category => typeof c === 'object' && c !== null)

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params
  const previewUser = await getPreviewUser()
  const [article, settings] = await Promise.all([
    previewUser && isValidSlug(slug) ? getArticleDraftBySlug(slug, previewUser) : loadArticle(slug),
    getSiteSettings(),
  ])
  if (!article) return redirectOrNotFound(`/articles/${slug}`)

  const categories = categoriesOf(article)
  const toc = extractToc(article.body)
  const related = (article.relatedArticles ?? []).filter(
    (a): a is Article => typeof a === 'object' && a !== null && a._status === 'published',
  )

  const origin = serverUrl()
  const crumbs = [
    { name: 'ホーム', path: '/' },
    ...(categories[0]
      ? [{ name: categories[0].name, path: `/categories/${categories[0].slug}` }]
      : []),
    { name: article.title },
  ]

  return (
    <article className="mx-auto max-w-3xl">
      {previewUser ? <PreviewBanner slug={article.slug} /> : null}
      <JsonLd
        data={articleJsonLd(
          { ...article, image: ogImageUrl(article.meta?.image) ?? ogImageUrl(article.heroImage) },
          settings,
          origin,
        )}
      />
      <JsonLd data={breadcrumbJsonLd(crumbs, origin)} />
      {article.promotional ? (
        <PrDisclosure
          text={settings.prDisclosureText}
          sponsorName={article.tieUp ? article.sponsorName : null}
          licenceLine={settings.licenceLine}
        />
      ) : null}

      <div className="mt-4">
        <Breadcrumbs items={crumbs.map(({ name, path }) => ({ name, href: path }))} />
      </div>

      <header className="mt-3">
        <h1 className="text-2xl leading-snug font-bold sm:text-3xl">{article.title}</h1>
        <p className="mt-3 flex flex-wrap gap-x-4 text-sm text-slate-600">
          <span>
            公開日:
            {article.publishedAt ? (
              <time dateTime={article.publishedAt}>{formatDateJa(article.publishedAt)}</time>
            ) : (
              '未公開'
            )}
          </span>
          <span>
            更新日:<time dateTime={article.updatedAt}>{formatDateJa(article.updatedAt)}</time>
          </span>
        </p>
        <Bylines bylines={article.bylines} />
      </header>

      <MediaImage
        media={article.heroImage}
        size="og"
        sizes="(min-width: 768px) 768px, 100vw"
        className="mt-6 h-auto w-full rounded-xl"
        priority
      />

      <p className="mt-6 leading-relaxed">{article.lead}</p>

      <TableOfContents entries={toc.entries} />

      <div className="prose-ja mt-6">
        <RichText
          data={article.body}
          converters={articleConverters({
            placement: article.slug,
            headingIds: toc.ids,
            quotedReviews: bodyReferences(article.body).reviews,
          })}
          disableContainer
        />
      </div>

      {article.summary ? (
        <section aria-labelledby="summary" className="mt-12 rounded-xl bg-slate-50 p-5">
          <h2 id="summary" className="text-lg font-bold">
            まとめ
          </h2>
          <p className="mt-2 leading-relaxed whitespace-pre-line">{article.summary}</p>
        </section>
      ) : null}

      {categories.length ? (
        <p className="mt-8 flex flex-wrap gap-2 text-sm">
          <span className="text-slate-600">カテゴリ:</span>
          {categories.map((c) => (
            <Link
              key={c.id}
              href={`/categories/${c.slug}`}
              className="rounded-full border border-slate-300 px-3 py-0.5 hover:border-brand-700 hover:text-brand-700"
            >
              {c.name}
            </Link>
          ))}
        </p>
      ) : null}

      {related.length ? (
        <section aria-labelledby="related" className="mt-12">
          <h2 id="related" className="text-lg font-bold">
            関連記事
          </h2>
          <div className="mt-2 sm:grid sm:grid-cols-2 sm:gap-4">
            {related.map((r) => (
              <ArticleCard key={r.id} article={r} />
            ))}
          </div>
        </section>
      ) : null}

      <p className="mt-10 text-sm">
        <Link href="/" className="inline-block py-1 text-brand-700 underline">
          記事一覧へ戻る
        </Link>
      </p>
    </article>
  )
}
