import Link from 'next/link'

import { AffiliateCta } from '@/components/AffiliateCta'
import { RatingStars } from '@/components/RatingStars'
import { formatAsOfJa } from '@/lib/i18n'
import { AGENT_KINDS } from '@/lib/taxonomy'
import type { Agent, AgentComparisonBlock as Fields } from '@/payload-types'

import { linkSlugOf } from '../linkSlug'

type Props = Fields & { placement: string }

const firstFact = (agent: Agent) => agent.facts?.[0]

/** Chosen agents side by side; scrolls sideways on a phone instead of squeezing. */
export function AgentComparisonComponent({ agents, caption, placement }: Props) {
  const rows = (agents ?? []).filter((a): a is Agent => typeof a === 'object' && a !== null)
  if (!rows.length) return null
  return (
    <div className="not-prose my-8">
      <div
        className="relative overflow-x-auto rounded-lg border border-slate-300"
        tabIndex={0}
        role="region"
        aria-label={caption ?? 'エージェント比較表'}
      >
        <table className="w-full min-w-[640px] border-collapse text-sm">
          {caption ? (
            <caption className="bg-slate-100 px-3 py-2 text-left font-bold">{caption}</caption>
          ) : null}
          <thead>
            <tr className="bg-slate-50 text-left">
              <th scope="col" className="border-b border-slate-300 px-3 py-2">
                エージェント
              </th>
              <th scope="col" className="border-b border-slate-300 px-3 py-2">
                種別
              </th>
              <th scope="col" className="border-b border-slate-300 px-3 py-2">
                案件数・求人数
              </th>
              <th scope="col" className="border-b border-slate-300 px-3 py-2">
                対象
              </th>
              <th scope="col" className="border-b border-slate-300 px-3 py-2">
                評価
              </th>
              <th scope="col" className="border-b border-slate-300 px-3 py-2">
                公式サイト
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((agent) => {
              const fact = firstFact(agent)
              const linkSlug = linkSlugOf(agent.primaryLink)
              return (
                <tr key={agent.id} className="align-top">
                  <th scope="row" className="border-b border-slate-200 px-3 py-3 text-left">
                    <Link href={`/agents/${agent.slug}`} className="text-brand-700 underline">
                      {agent.name}
                    </Link>
                  </th>
                  <td className="border-b border-slate-200 px-3 py-3">{AGENT_KINDS[agent.kind]}</td>
                  <td className="border-b border-slate-200 px-3 py-3">
                    {fact ? (
                      <>
                        {fact.label} {fact.value}
                        <br />
                        <span className="text-xs text-slate-600">({formatAsOfJa(fact.asOf)})</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="border-b border-slate-200 px-3 py-3">
                    {agent.target?.experience ?? '—'}
                  </td>
                  <td className="border-b border-slate-200 px-3 py-3 whitespace-nowrap">
                    <RatingStars value={agent.ratingAverage ?? 0} size="sm" />{' '}
                    {(agent.ratingAverage ?? 0).toFixed(1)}
                    <br />
                    <span className="text-xs text-slate-600">口コミ{agent.reviewCount ?? 0}件</span>
                  </td>
                  <td className="border-b border-slate-200 px-3 py-3">
                    {linkSlug ? (
                      <AffiliateCta
                        linkSlug={linkSlug}
                        slot="table"
                        placement={placement}
                        agentName={agent.name}
                        label="公式サイト"
                      />
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <p className="mt-1 text-xs text-slate-600 sm:hidden">表は横にスクロールできます</p>
    </div>
  )
}
