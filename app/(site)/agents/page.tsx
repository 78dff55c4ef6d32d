import type { Metadata } from 'next'
import Link from 'next/link'

import { ComparePicker } from '@/components/ComparePicker'
import { MediaImage } from '@/components/MediaImage'
import { RatingStars } from '@/components/RatingStars'
import { getAgents } from '@/lib/queries/agents'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { pageMetadata } from '@/lib/seo/metadata'
import { AGENT_KINDS } from '@/lib/taxonomy'

export const dynamic = 'force-dynamic'

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings()
  return pageMetadata({
    title: 'エージェント比較',
    description: '転職エージェント・フリーランスエージェントを、利用者の口コミ評価で比較できます。',
    path: '/agents',
    siteName: settings.siteName,
  })
}

export default async function AgentsPage() {
  const agents = await getAgents()
  const kinds = (Object.keys(AGENT_KINDS) as (keyof typeof AGENT_KINDS)[]).filter((kind) =>
    agents.some((a) => a.kind === kind),
  )
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">エージェント比較</h1>
      <p className="mt-2 text-sm leading-relaxed text-slate-700">
        並び順は、当サイトで承認した口コミの平均評価が高い順です(同点の場合は口コミ件数の多い順)。広告掲載の有無は順位に影響しません。
      </p>
      <p className="mt-3">
        <a href="#compare" className="inline-block py-2 font-bold text-brand-700 underline">
          2〜3社を選んで比較する
        </a>
      </p>
      {kinds.map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`} className="mt-8">
          <h2 id={`kind-${kind}`} className="text-lg font-bold">
            {AGENT_KINDS[kind]}
          </h2>
          <ul className="mt-3 space-y-3">
            {agents
              .filter((a) => a.kind === kind)
              .map((agent) => (
                <li
                  key={agent.id}
                  className="flex items-center gap-3 rounded-lg border border-slate-200 p-3"
                >
                  <MediaImage
                    media={agent.logo}
                    sizes="48px"
                    className="h-12 w-12 rounded-md object-cover"
                    alt=""
                  />
                  <div className="min-w-0">
                    <Link
                      href={`/agents/${agent.slug}`}
                      className="inline-block py-1 font-bold text-brand-700 underline"
                    >
                      {agent.name}
                    </Link>
                    <p className="flex flex-wrap items-center gap-2 text-sm">
                      <RatingStars value={agent.ratingAverage ?? 0} size="sm" />
                      {(agent.ratingAverage ?? 0).toFixed(1)}
                      <span className="text-slate-600">口コミ{agent.reviewCount ?? 0}件</span>
                    </p>
                  </div>
                </li>
              ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="compare-title" id="compare" className="mt-10 scroll-mt-4">
        <h2 id="compare-title" className="text-lg font-bold">
          選んで比較する
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          評価・項目別の評価・基本情報・強み・対象を、表で並べて比べられます。
        </p>
        <ComparePicker agents={agents} />
      </section>
    </div>
  )
}
