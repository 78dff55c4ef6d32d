import Link from 'next/link'
import type { Payload, Where } from 'payload'

import type { Article, Review, User } from '@/payload-types'
import { isWriterUser } from '@/access/isWriter'
import { isEditorUser } from '@/access/isEditor'
import { isMarketerUser } from '@/access/isMarketer'
import { dayInJapan } from '@/lib/clicks/classify'
import { sumRollups } from '@/lib/clicks/clickStore'
import { complianceContext, countProblems, firstProblems } from '@/lib/compliance'
import { getBrokenLinks, getLinksExpiringSoon } from '@/lib/queries/affiliateLinks'

type Props = { payload: Payload; user?: User | null }

type Item = { id: string | number; href: string; label: string; detail?: string }
type Result = { items: Item[]; totalDocs: number }

async function articles(
  payload: Payload,
  user: User,
  where: Where,
  { sort = '-updatedAt', detail }: { sort?: string; detail?: (doc: Article) => string } = {},
): Promise<Result> {
  const { docs, totalDocs } = await payload.find({
    collection: 'articles',
    where,
    draft: true,
    depth: 0,
    limit: 10,
    sort,
    select: { title: true, updatedAt: true, scheduledAt: true },
    user,
    overrideAccess: false,
  })
  return {
    items: (docs as Article[]).map((doc) => ({
      id: doc.id,
      href: `/admin/collections/articles/${doc.id}`,
      label: doc.title,
      detail: detail?.(doc),
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
  allLabel = 'すべて見る',
}: {
  id: string
  title: string
  empty: string
  result: Result
  filterHref: string
  allLabel?: string
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
      {(result.totalDocs > result.items.length || allLabel !== 'すべて見る') && (
        <Link href={filterHref}>{allLabel}</Link>
      )}
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

/** Japanese midnight to midnight around `now`, as ISO times. */
function todayInJapan(now: Date) {
  const day = dayInJapan(now) // YYYY-MM-DD in Japan
  const start = new Date(`${day}T00:00:00+09:00`)
  return { start: start.toISOString(), end: new Date(start.getTime() + 86_400_000).toISOString() }
}

/** How many compliance problems there are and the five most serious: counts, never the list. */
async function complianceSummary(payload: Payload) {
  const ctx = await complianceContext(payload)
  const counts = await countProblems(ctx)
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
  return { total, first: await firstProblems(ctx, counts, 5) }
}

/** Editors: what waits for them, oldest first; what goes live today; pending reviews; problems. */
async function editorPanels(payload: Payload, user: User) {
  const today = todayInJapan(new Date())
  const [review, scheduled, reviews, problems] = await Promise.all([
    articles(
      payload,
      user,
      { workflowState: { equals: 'in_review' } },
      {
        sort: 'updatedAt',
        detail: (doc) => `${jst(doc.updatedAt)}から`,
      },
    ),
    articles(
      payload,
      user,
      {
        and: [
          { workflowState: { equals: 'scheduled' } },
          { scheduledAt: { greater_than_equal: today.start } },
          { scheduledAt: { less_than: today.end } },
        ],
      },
      {
        sort: 'scheduledAt',
        detail: (doc) => (doc.scheduledAt ? `${jst(doc.scheduledAt)}公開` : ''),
      },
    ),
    payload.find({
      collection: 'reviews',
      where: { status: { equals: 'pending' } },
      sort: 'submittedAt',
      depth: 1,
      limit: 5,
      select: { title: true, agent: true, submittedAt: true },
      user,
      overrideAccess: false,
    }),
    complianceSummary(payload),
  ])
  return [
    <Panel
      key="review"
      id="review"
      title="レビュー待ちの記事(古い順)"
      empty="レビュー待ちの記事はありません。"
      result={review}
      filterHref={`${filter('in_review')}&sort=updatedAt`}
    />,
    <Panel
      key="reviews-pending"
      id="reviews-pending"
      title="承認待ちの口コミ"
      empty="承認待ちの口コミはありません。"
      result={{
        totalDocs: reviews.totalDocs,
        items: (reviews.docs as Review[]).map((review) => ({
          id: review.id,
          href: `/admin/collections/reviews/${review.id}`,
          label: review.title,
          detail: typeof review.agent === 'object' && review.agent ? review.agent.name : undefined,
        })),
      }}
      filterHref="/admin/review-queue"
      allLabel="口コミの承認キューを開く"
    />,
    <Panel
      key="scheduled-today"
      id="scheduled-today"
      title="今日の予約公開"
      empty="今日公開される予約はありません。"
      result={scheduled}
      filterHref={`${filter('scheduled')}&sort=scheduledAt`}
    />,
    <Panel
      key="compliance"
      id="compliance"
      title="コンプライアンスの問題"
      empty="問題は見つかっていません。"
      result={{
        totalDocs: problems.total,
        items: problems.first.map((problem, index) => ({
          id: `${problem.kind}-${problem.id}-${index}`,
          href: problem.adminPath,
          label: `${problem.label}: ${problem.title}`,
          detail: problem.detail,
        })),
      }}
      filterHref="/admin/compliance"
      allLabel="コンプライアンス確認を開く"
    />,
  ]
}

// the writer's panels, the ones that need them first
const WRITER_PANELS: {
  id: string
  state: string
  title: string
  empty: string
  options?: Parameters<typeof articles>[3]
}[] = [
  {
    id: 'changes',
    state: 'changes_requested',
    title: '差し戻し',
    empty: '差し戻された記事はありません。',
  },
  { id: 'drafts', state: 'draft', title: '自分の下書き', empty: '下書きはありません。' },
  {
    id: 'waiting',
    state: 'in_review',
    title: 'レビュー待ち',
    empty: 'レビューを待っている記事はありません。',
    options: { detail: (doc) => `${jst(doc.updatedAt)}に依頼` },
  },
  {
    id: 'scheduled',
    state: 'scheduled',
    title: '予約公開',
    empty: '予約公開の記事はありません。',
    options: {
      sort: 'scheduledAt',
      detail: (doc) => (doc.scheduledAt ? `${jst(doc.scheduledAt)}公開` : ''),
    },
  },
]

/** Writers: their own articles at each step. */
async function writerPanels(payload: Payload, user: User) {
  const results = await Promise.all(
    WRITER_PANELS.map(({ state, options }) =>
      articles(
        payload,
        user,
        { and: [{ workflowState: { equals: state } }, { author: { equals: user.id } }] },
        options,
      ),
    ),
  )
  return WRITER_PANELS.map(({ id, state, title, empty }, i) => (
    <Panel
      key={id}
      id={id}
      title={title}
      empty={empty}
      result={results[i]}
      filterHref={`${filter(state)}&where[author][equals]=${user.id}`}
    />
  ))
}

/**
 * The top of the dashboard: each role's own work. Writers: their articles sent back, in
 * draft, waiting for review and scheduled. Editors: articles waiting for review (oldest
 * first), reviews waiting for approval, today's scheduled publications and compliance
 * problems. Marketers: broken links, links whose schedule ends within 14 days and today's
 * clicks. An editor who also writes sees the editor's panels.
 */
export async function WorkflowDashboard({ payload, user }: Props) {
  if (!user) return null
  const panels = []
  if (isEditorUser(user)) panels.push(...(await editorPanels(payload, user)))
  else if (isWriterUser(user)) panels.push(...(await writerPanels(payload, user)))
  if (isMarketerUser(user)) panels.push(...(await marketerPanels(payload, user)))
  if (panels.length === 0) return null
  return <div className="workflow-panels">{panels}</div>
}
