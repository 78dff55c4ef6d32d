import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { Highlight } from '@/components/Highlight'
import { Pagination } from '@/components/Pagination'
import { RatingStars } from '@/components/RatingStars'
import { formatDateJa } from '@/lib/i18n'
import { searchAgents, searchArticles } from '@/lib/queries/search'
import { normalizeQuery, parsePage, snippet } from '@/lib/search'
import { COUNT_CAP, SEARCH_LIMITS } from '@/lib/searchIndex/types'
import { AGENT_KINDS } from '@/lib/taxonomy'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = normalizeQuery((await searchParams).q)
  return {
    title: q ? `「${q}」の検索結果` : 'サイト内検索',
    // result pages are endless variations of one page: keep them out of search engines
    robots: { index: false, follow: true },
    alternates: { canonical: '/search' },
  }
}

const quoted = (words: string[]) => words.map((word) => `「${word}」`).join('')

/** What the search left out or narrowed, and the request for a more specific query. */
function BroadQueryNotice({ articles }: { articles: Awaited<ReturnType<typeof searchArticles>> }) {
  return (
    <div
      className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm leading-relaxed text-slate-800"
      data-testid="search-too-broad"
    >
      <p className="font-bold">検索語をもう少し詳しく入力してください。</p>
      <ul className="mt-1 list-disc pl-5">
        <li>
          {articles.searched.length
            ? `検索した語:${quoted(articles.searched)}`
            : '検索できる語がありませんでした。'}
        </li>
        {articles.ignored.length ? (
          <li>{quoted(articles.ignored)}は1文字のかなのため、検索から除きました。</li>
        ) : null}
        {articles.titleOnly.length ? (
          <li>{quoted(articles.titleOnly)}は1文字のため、記事のタイトルだけから探しました。</li>
        ) : null}
        {articles.narrowed ? (
          <li>
            よく使われる語だけの検索のため、新しい記事
            {SEARCH_LIMITS.walkCap.toLocaleString('ja-JP')}
            件の中から探しました。
          </li>
        ) : null}
        {articles.capped ? (
          <li>
            一致する記事が多いため、{COUNT_CAP.toLocaleString('ja-JP')}件までを表示しています。
          </li>
        ) : null}
      </ul>
    </div>
  )
}

const hrefFor = (q: string) => (page: number) =>
  `/search?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ''}`

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams
  const q = normalizeQuery(params.q)
  const page = parsePage(params.page)
  if (page === null) notFound()

  const [articles, agents] = q
    ? await Promise.all([
        searchArticles(q, page),
        page === 1 ? searchAgents(q) : Promise.resolve([]),
      ])
    : [null, []]

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">サイト内検索</h1>
      <form action="/search" method="get" role="search" className="mt-4 flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          検索キーワード
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={100}
          placeholder="例: 年収、PMO、フリーランス"
          className="min-h-12 w-full rounded-lg border border-slate-400 px-3 text-base"
        />
        <button
          type="submit"
          className="min-h-12 shrink-0 rounded-lg bg-brand-700 px-5 font-bold text-white hover:bg-brand-900"
        >
          検索
        </button>
      </form>

      {!q ? (
        <p className="mt-6 leading-relaxed text-slate-700">
          記事のタイトル・本文やエージェント名から探せます。キーワードを入力してください。
        </p>
      ) : (
        <div aria-live="polite">
          <p className="mt-6 text-sm text-slate-700">
            「{q}」の検索結果:記事{(articles?.totalDocs ?? 0).toLocaleString('ja-JP')}件
            {articles?.capped ? '以上' : ''}
            {agents.length ? `・エージェント${agents.length}件` : ''}
          </p>

          {articles?.tooBroad ? <BroadQueryNotice articles={articles} /> : null}

          {agents.length ? (
            <section aria-labelledby="agent-results" className="mt-6">
              <h2 id="agent-results" className="text-lg font-bold">
                エージェント
              </h2>
              <ul className="mt-2 grid gap-3 sm:grid-cols-2">
                {agents.map((agent) => (
                  <li key={agent.id} className="rounded-lg border border-slate-200 p-3">
                    <Link
                      href={`/agents/${agent.slug}`}
                      className="inline-block py-1 font-bold text-brand-700 underline"
                    >
                      <Highlight text={agent.name} query={q} />
                    </Link>
                    <p className="text-xs text-slate-600">{AGENT_KINDS[agent.kind]}</p>
                    <p className="mt-1 flex items-center gap-2 text-sm">
                      <RatingStars value={agent.ratingAverage ?? 0} size="sm" />
                      {(agent.ratingAverage ?? 0).toFixed(1)}(口コミ{agent.reviewCount ?? 0}件)
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="article-results" className="mt-8">
            <h2 id="article-results" className="text-lg font-bold">
              記事
            </h2>
            {articles?.docs.length ? (
              <ol className="mt-2 divide-y divide-slate-200">
                {articles.docs.map((article) => (
                  <li key={article.id} className="py-4" data-testid="search-result">
                    <Link
                      href={`/articles/${article.slug}`}
                      className="inline-block py-1 font-bold text-brand-700 underline"
                    >
                      <Highlight text={article.title} query={q} />
                    </Link>
                    <p className="mt-1 text-xs text-slate-600">
                      <time dateTime={article.publishedAt ?? undefined}>
                        {formatDateJa(article.publishedAt)}
                      </time>
                    </p>
                    <p className="mt-1 text-sm leading-relaxed text-slate-800">
                      <Highlight
                        text={snippet(`${article.lead}\n${article.searchText ?? ''}`, q)}
                        query={q}
                      />
                    </p>
                  </li>
                ))}
              </ol>
            ) : (
              <div className="mt-3 rounded-lg bg-slate-50 p-4 leading-relaxed text-slate-700">
                <p>「{q}」に一致する記事は見つかりませんでした。</p>
                <p className="mt-2">
                  別のキーワードや、より短い言葉(例:「年収」「面接」)でお試しください。
                  <Link href="/" className="ml-1 text-brand-700 underline">
                    新着記事を見る
                  </Link>
                </p>
              </div>
            )}
            {articles ? (
              <Pagination
                page={page}
                totalPages={articles.totalPages}
                hrefFor={hrefFor(q)}
                label="検索結果のページ送り"
              />
            ) : null}
          </section>
        </div>
      )}
    </div>
  )
}
