import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import Link from 'next/link'
import type { ReactNode } from 'react'

import { linkSlugOf } from '@/blocks/linkSlug'
import { AffiliateCta } from '@/components/AffiliateCta'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { ComparePicker } from '@/components/ComparePicker'
import { FactAsOf } from '@/components/FactAsOf'
import { MediaImage } from '@/components/MediaImage'
import { PrDisclosure } from '@/components/PrDisclosure'
import { shownAverage } from '@/components/RatingBreakdown'
import { RatingStars } from '@/components/RatingStars'
import {
  COMPARE_PARAM,
  COMPARE_PATH,
  COMPARE_PROBLEMS,
  compareQuery,
  parseCompare,
} from '@/lib/agentCompare'
import { COMPARE_PLACEMENT } from '@/lib/clicks/placement'
import { factsToShow } from '@/lib/facts'
import { own } from '@/lib/own'
import { getAgentBySlug, getAgents } from '@/lib/queries/agents'
import { getFactsPolicy, getSiteSettings } from '@/lib/queries/siteSettings'
import type { Average } from '@/lib/reviewAggregates'
import { pageMetadata } from '@/lib/seo/metadata'
import { AGENT_KINDS, SUB_RATINGS } from '@/lib/taxonomy'
import type { Agent } from '@/payload-types'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const valuesOf = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

/** The chosen agents, in the canonical order; null when one of them does not exist or no agent could have the slug. */
async function load(props: Props) {
  const selection = parseCompare(valuesOf((await props.searchParams)[COMPARE_PARAM]))
  if (!selection.ok)
    return selection.problem === 'invalid' ? null : { selection, agents: [] as Agent[] }
  const agents = await Promise.all(selection.slugs.map((slug) => getAgentBySlug(slug)))
  return agents.every(Boolean) ? { selection, agents: agents as Agent[] } : null
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const [found, settings] = await Promise.all([load(props), getSiteSettings()])
  if (!found) return {}
  const { selection, agents } = found
  if (!selection.ok) {
    return {
      ...pageMetadata({
        title: 'エージェントを選んで比較',
        description:
          '転職・フリーランスエージェントを2〜3社選んで、評価や特徴を並べて比べられます。',
        path: COMPARE_PATH,
        siteName: settings.siteName,
      }),
      // a choosing page, not a comparison: nothing for search engines to keep
      robots: { index: false },
    }
  }
  const names = agents.map((a) => a.name).join('・')
  return pageMetadata({
    title: `${names}の比較`,
    description: `${names}を、利用者の口コミ評価、項目別の評価、基本情報、強み、対象で比較。`,
    path: `${COMPARE_PATH}${compareQuery(selection.slugs)}`,
    siteName: settings.siteName,
  })
}

const cell = 'border border-slate-200 p-3 align-top text-sm'
const rowHead = `${cell} bg-slate-50 text-left font-bold whitespace-nowrap`

/**
 * Two or three agents side by side: the overall rating, the item ratings (shown from three
 * reviews, as on each agent's page), facts with their dates, strengths, who each is for, and
 * each one's CTA (PR, rel="sponsored"). One address per set (lib/agentCompare.ts), kept by the
 * page cache like any agent page.
 */
export default async function ComparePage(props: Props) {
  const found = await load(props)
  if (!found) notFound()
  const { selection, agents } = found
  const [settings, factsPolicy, all] = await Promise.all([
    getSiteSettings(),
    getFactsPolicy(),
    selection.ok ? Promise.resolve(null) : getAgents(),
  ])
  const crumbs = [
    { name: 'ホーム', href: '/' },
    { name: 'エージェント比較', href: '/agents' },
    { name: '選んで比較' },
  ]
  if (!selection.ok) {
    return (
      <div className="mx-auto max-w-3xl">
        <Breadcrumbs items={crumbs} />
        <h1 className="mt-3 text-2xl font-bold">エージェントを選んで比較</h1>
        <p
          role={selection.problem === 'none' ? undefined : 'alert'}
          className={`mt-3 rounded-lg p-3 ${selection.problem === 'none' ? 'bg-slate-50 text-slate-800' : 'bg-red-50 font-bold text-red-800'}`}
        >
          {COMPARE_PROBLEMS[selection.problem]}
        </p>
        <ComparePicker agents={all ?? []} chosen={selection.slugs} />
      </div>
    )
  }

  const ctas = agents.map((agent) => linkSlugOf(agent.primaryLink))
  const rows: { label: string; cells: ReactNode[] }[] = [
    {
      label: '総合評価',
      cells: agents.map((agent) => (
        <div key={agent.id}>
          <RatingStars value={agent.ratingAverage ?? 0} size="sm" />
          <p>
            <span className="text-lg font-bold">{(agent.ratingAverage ?? 0).toFixed(1)}</span>
            <span className="ml-1 text-xs text-slate-600">(口コミ{agent.reviewCount ?? 0}件)</span>
          </p>
        </div>
      )),
    },
    ...Object.entries(SUB_RATINGS).map(([key, label]) => ({
      label,
      cells: agents.map((agent) => {
        const details = agent.ratingDetails as { subRatings?: Record<string, Average> } | null
        const average = own<Average>(details?.subRatings ?? {}, key)
        return shownAverage(average) ? (
          <span key={agent.id}>
            <span className="font-bold">{average.average.toFixed(1)}</span>
            <span className="ml-1 text-xs text-slate-600">({average.count}件)</span>
          </span>
        ) : (
          <span key={agent.id} className="text-slate-600">
            —<span className="sr-only">(口コミが少ないため表示していません)</span>
          </span>
        )
      }),
    })),
    { label: '種別', cells: agents.map((agent) => AGENT_KINDS[agent.kind]) },
    { label: '特徴', cells: agents.map((agent) => agent.catchCopy) },
    {
      label: '強み',
      cells: agents.map((agent) =>
        agent.strengths?.length ? (
          <ul key={agent.id} className="list-disc space-y-1 pl-4">
            {agent.strengths.map((s) => (
              <li key={s.id ?? s.text}>{s.text}</li>
            ))}
          </ul>
        ) : (
          '—'
        ),
      ),
    },
    { label: '対象', cells: agents.map((agent) => agent.target?.experience || '—') },
    { label: '働き方', cells: agents.map((agent) => agent.target?.workingDays || '—') },
    { label: 'エリア', cells: agents.map((agent) => agent.target?.area || '—') },
    {
      label: '基本情報',
      cells: agents.map((agent) => {
        const facts = factsToShow(agent.facts, factsPolicy)
        return facts.length ? (
          <dl key={agent.id} className="space-y-1">
            {facts.map((fact) => (
              <div key={fact.id ?? fact.label}>
                <dt className="inline font-bold">{fact.label}:</dt>
                <dd className="inline">
                  {fact.value}
                  <FactAsOf asOf={fact.asOf} outdated={fact.outdated} />
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          '—'
        )
      }),
    },
  ]

  return (
    <div>
      {ctas.some(Boolean) ? (
        <PrDisclosure text={settings.prDisclosureText} licenceLine={settings.licenceLine} />
      ) : null}
      <div className="mt-4">
        <Breadcrumbs items={crumbs} />
      </div>
      <h1 className="mt-3 text-2xl leading-snug font-bold">
        {agents.map((a) => a.name).join('・')}の比較
      </h1>
      <p className="mt-2 text-sm leading-relaxed text-slate-700">
        評価は当サイトで承認した口コミの平均です。項目別の評価は口コミが3件以上ある項目だけを表示しています。広告掲載の有無は評価に影響しません。
      </p>
      <div
        className="mt-4 overflow-x-auto"
        role="region"
        aria-labelledby="compare-caption"
        tabIndex={0}
      >
        <table className="w-full min-w-[36rem] border-collapse">
          <caption id="compare-caption" className="sr-only">
            {agents.map((a) => a.name).join('、')}の比較表(横にスクロールできます)
          </caption>
          <thead>
            <tr>
              <td className={`${cell} w-28`} />
              {agents.map((agent) => (
                <th key={agent.id} scope="col" className={`${cell} text-left`}>
                  <MediaImage
                    media={agent.logo}
                    sizes="48px"
                    className="h-12 w-12 rounded-md object-cover"
                    alt=""
                  />
                  <Link
                    href={`/agents/${agent.slug}`}
                    className="mt-1 inline-block py-2 font-bold text-brand-700 underline"
                  >
                    {agent.name}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ label, cells }) => (
              <tr key={label}>
                <th scope="row" className={rowHead}>
                  {label}
                </th>
                {cells.map((content, i) => (
                  <td key={agents[i]!.id} className={cell}>
                    {content}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row" className={rowHead}>
                公式サイト
              </th>
              {agents.map((agent, i) => (
                <td key={agent.id} className={cell}>
                  {ctas[i] ? (
                    <AffiliateCta
                      linkSlug={ctas[i]!}
                      placement={COMPARE_PLACEMENT}
                      slot="table"
                      agentName={agent.name}
                    />
                  ) : (
                    '—'
                  )}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p className="mt-6">
        <Link href="/agents" className="inline-block py-2 text-brand-700 underline">
          ほかのエージェントを選び直す
        </Link>
      </p>
    </div>
  )
}
