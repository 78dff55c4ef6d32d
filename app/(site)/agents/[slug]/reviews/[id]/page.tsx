import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import Link from 'next/link'

import { isValidSlug } from '@/collections/shared/validators'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { RatingStars } from '@/components/RatingStars'
import { reviewPath, ReviewItem } from '@/components/ReviewItem'
import { ShareLink } from '@/components/ShareLink'
import { isDocumentId } from '@/lib/documentIds'
import { serverUrl } from '@/lib/env'
import { getPayloadClient } from '@/lib/payload'
import { getRedirectTarget } from '@/lib/queries/redirects'
import { getAgentBySlug, getPublicReview } from '@/lib/queries/agents'
import { getSiteSettings } from '@/lib/queries/siteSettings'
import { breadcrumbJsonLd, singleReviewJsonLd } from '@/lib/seo/jsonLd'
import { pageMetadata } from '@/lib/seo/metadata'
import { AGENT_KINDS } from '@/lib/taxonomy'

type Props = { params: Promise<{ slug: string; id: string }> }

/** The agent and one of its published reviews, or null for either missing or not public. */
async function load({ slug, id }: { slug: string; id: string }) {
  // an id this database could not have is not looked up (nor kept in the data cache)
  if (!isValidSlug(slug) || !isDocumentId(await getPayloadClient(), id)) return null
  const agent = await getAgentBySlug(slug)
  const review = agent ? await getPublicReview(id, agent.id) : null
  return agent && review ? { agent, review } : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [found, settings] = await Promise.all([load(await params), getSiteSettings()])
  if (!found) return {}
  const { agent, review } = found
  return pageMetadata({
    title: `「${review.title}」${agent.name}の口コミ`,
    description: review.body.slice(0, 120),
    path: reviewPath(`/agents/${agent.slug}`, review.id),
    siteName: settings.siteName,
  })
}

/**
 * One published review on a page of its own: the address a reader shares or an article
 * cites. A review that is not published (waiting, declined, withdrawn) has no page.
 */
export default async function ReviewPage({ params }: Props) {
  const { slug, id } = await params
  const [found, settings] = await Promise.all([load({ slug, id }), getSiteSettings()])
  if (!found) {
    // an agent whose slug changed: its reviews moved with it
    const moved = isValidSlug(slug) ? await getRedirectTarget(`/agents/${slug}`) : null
    if (moved?.startsWith('/agents/'))
      permanentRedirect(`${moved}/reviews/${encodeURIComponent(id)}`)
    notFound()
  }
  const { agent, review } = found
  const agentPath = `/agents/${agent.slug}`
  const path = reviewPath(agentPath, review.id)
  const origin = serverUrl()
  return (
    <div className="mx-auto max-w-3xl">
      <JsonLd data={singleReviewJsonLd(agent, review, path, origin)} />
      <JsonLd
        data={breadcrumbJsonLd(
          [
            { name: 'ホーム', path: '/' },
            { name: 'エージェント比較', path: '/agents' },
            { name: agent.name, path: agentPath },
            { name: '口コミ' },
          ],
          origin,
        )}
      />
      <Breadcrumbs
        items={[
          { name: 'ホーム', href: '/' },
          { name: 'エージェント比較', href: '/agents' },
          { name: agent.name, href: agentPath },
          { name: '口コミ' },
        ]}
      />
      <header className="mt-4">
        <p className="text-sm text-slate-600">{AGENT_KINDS[agent.kind]}</p>
        <h1 className="text-2xl leading-snug font-bold">{agent.name}の口コミ</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <RatingStars value={agent.ratingAverage ?? 0} size="sm" />
          総合評価 {(agent.ratingAverage ?? 0).toFixed(1)}(口コミ{agent.reviewCount ?? 0}件)
        </p>
      </header>
      <ReviewItem review={review} agentPath={agentPath} titleAs="h2" />
      <p className="mt-2 text-xs leading-relaxed text-slate-600">{settings.reviewSourceLine}</p>
      <section aria-labelledby="share" className="mt-6 rounded-xl border border-slate-200 p-4">
        <h2 id="share" className="sr-only">
          この口コミを共有
        </h2>
        <ShareLink url={`${origin}${path}`} title={`「${review.title}」${agent.name}の口コミ`} />
      </section>
      <nav aria-label="関連ページ" className="mt-6">
        <ul className="space-y-2">
          <li>
            <Link
              href={`${agentPath}#reviews`}
              className="inline-block py-2 text-brand-700 underline"
            >
              {agent.name}の口コミをすべて見る
            </Link>
          </li>
          <li>
            <Link
              href={`${agentPath}/review`}
              className="inline-block py-2 text-brand-700 underline"
            >
              {agent.name}の口コミを書く
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  )
}
