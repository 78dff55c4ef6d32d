import Link from 'next/link'
import type { Payload, Where } from 'payload'

import type { Article, User } from '@/payload-types'
import { isWriterUser } from '@/access/isWriter'
import { isEditorUser } from '@/access/isEditor'
import { isMarketerUser } from '@/access/isMarketer'
import { dayInJapan } from '@/lib/clicks/classify'
import { sumRollups } from '@/lib/clicks/clickStore'
import { getBrokenLinks, getLinksExpiringSoon } from '@/lib/queries/affiliateLinks'

type Props = { payload: Payload; user?: User | null }

type Item = { id: string | number; href: string; label: string; detail?: string }
type Result = { items: Item[]; totalDocs: number }

async function articles(payload: Payload, user: User, where: Where): Promise<Result> {
  const { docs, totalDocs } = await payload.find({
    collection: 'articles',
    where,
    draft: true,
    depth: 0,
    limit: 10,
    sort: '-updatedAt',
    select: { title: true, updatedAt: true },
    user,
    overrideAccess: false,
  })
  return {
    items: (docs as Pick<Article, 'id' | 'title'>[]).map((doc) => ({
      id: doc.id,
      href: `/admin/collections/articles/${doc.id}`,
      label: doc.title,
    })),
    totalDocs,
  }
}

const jst = (iso: string) =>
  new Date(iso).toLocaleString('ja-JP', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'medium',
    timeStyle: 'short',
  })

const linkHref = (id: string | number) => `/admin/collections/affiliate-links/${id}`

function Panel({
  id,
  title,
  empty,
  result,
  filterHref,
}: {
  id: string
  title: string
  empty: string
  result: Result
  filterHref: string
}) {
  return (
    <section className="workflow-panel" aria-labelledby={`panel-${id}`} data-panel={id}>
      <h2 id={`panel-${id}`}>
        {title} <span className="workflow-panel__count">{result.totalDocs}件</span>
      </h2>
      {result.items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul>
          {result.items.map((item) => (
            <li key={item.id}>
              <Link href={item.href}>{item.label}</Link>
              {item.detail && <span className="workflow-panel__detail">{item.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      {result.totalDocs > result.items.length && <Link href={filterHref}>すべて見る</Link>}
    </section>
  )
}

const filter = (state: string) =>
  `/admin/collections/articles?where[workflowState][equals]=${state}`

/** Marketers: links readers may meet broken or about to end, and today's clicks. */
async function marketerPanels(payload: Payload, user: User) {
  const now = new Date()
  const [broken, expiring, today] = await Promise.all([
    getBrokenLinks(payload, user),
    getLinksExpiringSoon(payload, user, now),
    sumRollups(payload, { fromDay: dayInJapan(now), toDay: dayInJapan(now), bots: false }, 'day'),
  ])
  const clicks = today.reduce((sum, row) => sum + row.clicks, 0)
  const uniques = today.reduce((sum, row) => sum + row.uniques, 0)
  return [
    <section
      key="clicks"
      className="workflow-panel"
      aria-labelledby="panel-clicks-today"
      data-panel="clicks-today"
    >
      <h2 id="panel-clicks-today">今日のクリック</h2>
      <p className="workflow-panel__figure">
        {clicks.toLocaleString('ja-JP')}
        <span>件(ユニーク {uniques.toLocaleString('ja-JP')})</span>
      </p>
      <p>ボットを除いた、日本時間の今日の数です。</p>
      <Link href="/admin/click-report">クリックレポートを開く</Link>
    </section>,
    <Panel
      key="broken"
      id="links-broken"
      title="リンク切れ"
      empty="確認で開けなかったリンクはありません。"
      result={{
        totalDocs: broken.totalDocs,
        items: broken.docs.map((link) => ({
          id: link.id,
          href: linkHref(link.id),
          label: link.name,
          detail: link.health?.lastStatus ?? undefined,
        })),
      }}
      filterHref="/admin/collections/affiliate-links?where[healthState][in]=broken,error&where[status][equals]=active"
    />,
    <Panel
      key="expiring"
      id="links-expiring"
      title="14日以内に掲載終了"
      empty="14日以内に掲載期間が終わるリンクはありません。"
      result={{
        totalDocs: expiring.totalDocs,
        items: expiring.docs.map((link) => ({
          id: link.id,
          href: linkHref(link.id),
          label: link.name,
          detail: link.activeUntil ? `${jst(link.activeUntil)}まで` : undefined,
        })),
      }}
      filterHref="/admin/collections/affiliate-links?sort=activeUntil&where[status][equals]=active"
    />,
  ]
}

/**
 * The top of the dashboard: what is waiting for the signed-in person. Editors see the articles
 * waiting for review; writers see their articles sent back with comments; marketers see broken
 * links, links whose schedule ends within 14 days and today's clicks.
 */
export async function WorkflowDashboard({ payload, user }: Props) {
  if (!user) return null
  const panels = []
  if (isEditorUser(user)) {
    panels.push(
      <Panel
        key="review"
        id="review"
        title="レビュー待ち"
        empty="レビュー待ちの記事はありません。"
        result={await articles(payload, user, { workflowState: { equals: 'in_review' } })}
        filterHref={filter('in_review')}
      />,
    )
  }
  if (isWriterUser(user)) {
    panels.push(
      <Panel
        key="changes"
        id="changes"
        title="差し戻し"
        empty="差し戻された記事はありません。"
        result={await articles(payload, user, {
          and: [
            { workflowState: { equals: 'changes_requested' } },
            { author: { equals: user.id } },
          ],
        })}
        filterHref={filter('changes_requested')}
      />,
    )
  }
  if (isMarketerUser(user)) panels.push(...(await marketerPanels(payload, user)))
  if (panels.length === 0) return null
  return <div className="workflow-panels">{panels}</div>
}
