import Link from 'next/link'

import { ArticleCard } from '@/components/ArticleCard'
import { RatingStars } from '@/components/RatingStars'
import { getAgents } from '@/lib/queries/agents'
import { getLatestArticles } from '@/lib/queries/articles'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { AGENT_KINDS } from '@/lib/taxonomy'

// rendered per request for now; cached, tag-revalidated pages come with the reader's-site work
export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const [settings, articles, agents] = await Promise.all([
    getSiteSettings(),
    getLatestArticles(1),
    getAgents(),
  ])
  return (
    <div className="space-y-12">
      <section aria-labelledby="intro">
        <h1 id="intro" className="text-2xl font-bold sm:text-3xl">
          {settings.siteName}
        </h1>
        {settings.siteDescription ? (
          <p className="mt-2 leading-relaxed text-slate-700">{settings.siteDescription}</p>
        ) : null}
      </section>

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
      </section>

      <section aria-labelledby="agents">
        <h2 id="agents" className="text-xl font-bold">
          口コミ評価の高いエージェント
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          承認済みの口コミの平均評価が高い順(同点は口コミ数の多い順)
        </p>
        <ol className="mt-4 grid gap-3 sm:grid-cols-2">
          {agents.slice(0, 4).map((agent) => (
            <li key={agent.id} className="rounded-lg border border-slate-200 p-4">
              <Link href={`/agents/${agent.slug}`} className="font-bold text-brand-700 underline">
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
      </section>
    </div>
  )
}
