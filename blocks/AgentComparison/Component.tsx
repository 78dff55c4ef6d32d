import Link from 'next/link'

import { AffiliateCta } from '@/components/AffiliateCta'
import { FactAsOf } from '@/components/FactAsOf'
import { RatingStars } from '@/components/RatingStars'
import { factsToShow } from '@/lib/facts'
import { getFactsPolicy } from '@/lib/queries/siteSettings'
import { AGENT_KINDS } from '@/lib/taxonomy'
import type { Agent, AgentComparisonBlock as Fields } from '@/payload-types'

import { linkSlugOf } from '../linkSlug'

type Props = Fields & { placement: string }

// On a phone each row is a card (name, facts, rating, then the CTA at full width), so nothing
// needs sideways scrolling; from the sm breakpoint up it is the usual table. One table in the
// page either way (no second copy of the CTAs for phones): each cell carries its column's
// name, which the card shows in front of the value.
const cell =
  'border-b border-slate-200 px-3 py-3 max-sm:flex max-sm:gap-3 max-sm:border-0 max-sm:px-0 max-sm:py-1 max-sm:before:w-28 max-sm:before:shrink-0 max-sm:before:font-bold max-sm:before:text-slate-700 max-sm:before:content-[attr(data-label)]'
const head = 'border-b border-slate-300 px-3 py-2 whitespace-nowrap'

/** Chosen agents side by side: a table on wide screens, one card per agent on a phone. */
export async function AgentComparisonComponent({ agents, caption, placement }: Props) {
  const rows = (agents ?? []).filter((a): a is Agent => typeof a === 'object' && a !== null)
  if (!rows.length) return null
  const policy = await getFactsPolicy()
  return (
    <div className="not-prose my-8" data-testid="agent-comparison">
      <div
        className="relative rounded-lg sm:overflow-x-auto sm:border sm:border-slate-300"
        tabIndex={0}
        role="region"
        aria-label={caption ?? 'エージェント比較表'}
      >
        <table className="w-full border-collapse text-sm max-sm:block sm:min-w-[640px]">
          {caption ? (
            <caption className="bg-slate-100 px-3 py-2 text-left font-bold max-sm:mb-3 max-sm:block max-sm:rounded-lg">
              {caption}
            </caption>
          ) : null}
          <thead className="max-sm:hidden">
            <tr className="bg-slate-50 text-left">
              <th scope="col" className={head}>
                エージェント
              </th>
              <th scope="col" className={head}>
                種別
              </th>
              <th scope="col" className={head}>
                案件数・求人数
              </th>
              <th scope="col" className={head}>
                対象
              </th>
              <th scope="col" className={head}>
                評価
              </th>
              <th scope="col" className={head}>
                公式サイト
              </th>
            </tr>
          </thead>
          <tbody className="max-sm:block max-sm:space-y-3">
            {rows.map((agent) => {
              const fact = factsToShow(agent.facts, policy)[0]
              const linkSlug = linkSlugOf(agent.primaryLink)
              return (
                <tr
                  key={agent.id}
                  className="align-top max-sm:block max-sm:rounded-lg max-sm:border max-sm:border-slate-300 max-sm:p-3"
                  data-testid="comparison-row"
                >
                  <th
                    scope="row"
                    className="border-b border-slate-200 px-3 py-3 text-left max-sm:block max-sm:border-0 max-sm:p-0 max-sm:pb-1 max-sm:text-base"
                  >
                    <Link
                      href={`/agents/${agent.slug}`}
                      className="inline-block py-1 text-brand-700 underline"
                    >
                      {agent.name}
                    </Link>
                  </th>
                  <td className={cell} data-label="種別">
                    <span>{AGENT_KINDS[agent.kind]}</span>
                  </td>
                  <td className={cell} data-label="案件数・求人数">
                    {fact ? (
                      <span>
                        {fact.label} {fact.value}
                        <br className="max-sm:hidden" />
                        <FactAsOf asOf={fact.asOf} outdated={fact.outdated} />
                      </span>
                    ) : (
                      <span>—</span>
                    )}
                  </td>
                  <td className={cell} data-label="対象">
                    <span>{agent.target?.experience ?? '—'}</span>
                  </td>
                  <td className={`${cell} sm:whitespace-nowrap`} data-label="評価">
                    <span>
                      <RatingStars value={agent.ratingAverage ?? 0} size="sm" />{' '}
                      {(agent.ratingAverage ?? 0).toFixed(1)}
                      <br className="max-sm:hidden" />
                      <span className="text-xs text-slate-600 max-sm:ml-2">
                        口コミ{agent.reviewCount ?? 0}件
                      </span>
                    </span>
                  </td>
                  <td className="border-b border-slate-200 px-3 py-3 whitespace-nowrap max-sm:block max-sm:border-0 max-sm:px-0 max-sm:pt-2 max-sm:pb-0">
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
      <p className="mt-1 hidden text-xs text-slate-600 sm:max-md:block">
        表は横にスクロールできます
      </p>
    </div>
  )
}
