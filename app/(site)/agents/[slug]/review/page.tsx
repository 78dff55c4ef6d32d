import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { isValidSlug } from '@/collections/shared/validators'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { ReviewForm } from '@/components/ReviewForm'
import { currentMonthInJapan } from '@/lib/reviewForm'
import { getAgentBySlug } from '@/lib/queries/agents'

import { submitReviewAction } from './actions'

type Props = { params: Promise<{ slug: string }> }

const loadAgent = async (slug: string) => (isValidSlug(slug) ? getAgentBySlug(slug) : null)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const agent = await loadAgent((await params).slug)
  if (!agent) return {}
  // a form, not content: kept out of search results
  return { title: `${agent.name}の口コミを書く`, robots: { index: false, follow: true } }
}

/** The review form on its own address (the agent page carries the same form). */
export default async function WriteReviewPage({ params }: Props) {
  const { slug } = await params
  const agent = await loadAgent(slug)
  if (!agent) notFound()
  const agentPath = `/agents/${agent.slug}`
  return (
    <div className="mx-auto max-w-2xl">
      <Breadcrumbs
        items={[
          { name: 'ホーム', href: '/' },
          { name: 'エージェント比較', href: '/agents' },
          { name: agent.name, href: agentPath },
          { name: '口コミを書く' },
        ]}
      />
      <h1 className="mt-4 text-2xl leading-snug font-bold">{agent.name}の口コミを書く</h1>
      <p className="mt-3 leading-relaxed text-slate-700">
        実際に利用した方の体験をお寄せください。会員登録は不要です。投稿は編集部の審査後に掲載され、評価の高い・低いで掲載を判断することはありません。
      </p>
      <div className="mt-6">
        <ReviewForm
          agentName={agent.name}
          agentPath={agentPath}
          action={submitReviewAction.bind(null, agent.slug)}
          thisYear={currentMonthInJapan().year}
          pagePath={`${agentPath}/review`}
        />
      </div>
    </div>
  )
}
