import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { isEditorUser } from '@/access/isEditor'
import {
  RATINGS,
  daysAgo,
  empty,
  outcomesByAgent,
  rejectionRate,
  suppressionWarning,
  type OutcomesByRating,
} from '@/lib/moderationStats'
import { own } from '@/lib/own'
import { MAX_AGENTS } from '@/lib/queries/agents'
import { REPORT_REASONS } from '@/lib/taxonomy'
import type { Review, User } from '@/payload-types'

import { AdminViewTemplate } from './AdminViewTemplate'

import { ReportedReviewsTable, type ReportedRow } from './ReportedReviewsTable'
import { ReviewQueueTable, type QueueRow } from './ReviewQueueTable'

const PERIODS = [30, 90] as const

/** The rejection reason that answers a report's reason (the moderator may choose another). */
const REJECTION_FOR_REPORT: Record<string, string> = {
  personal_info: 'personal_info',
  defamation: 'defamation',
  spam: 'spam',
  not_firsthand: 'not_firsthand',
  wrong_agent: 'guidelines',
  other: 'other',
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`)

function RatesTable({ caption, outcomes }: { caption: string; outcomes: OutcomesByRating }) {
  return (
    <table className="review-queue__rates">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">評価</th>
          <th scope="col">掲載</th>
          <th scope="col">非掲載</th>
          <th scope="col">審査待ち</th>
          <th scope="col">非掲載率</th>
        </tr>
      </thead>
      <tbody>
        {RATINGS.map((rating) => (
          <tr key={rating}>
            <th scope="row">★{rating}</th>
            <td>{outcomes[rating].approved}</td>
            <td>{outcomes[rating].rejected}</td>
            <td>{outcomes[rating].pending}</td>
            <td>{percent(rejectionRate(outcomes[rating]))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * /admin/review-queue: the reviews waiting for a decision, oldest first, with the signals of
 * each submission; and how moderation treats each star rating over the last 30 or 90 days,
 * overall and per agent, with a warning where low ratings are rejected markedly more often.
 */
export async function ReviewQueueView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req } = initPageResult
  const user = req.user as User | null
  if (!user) redirect('/admin/login?redirect=%2Fadmin%2Freview-queue')
  const allowed = isEditorUser(user)
  const days = PERIODS.find((d) => String(d) === String(searchParams?.days)) ?? 30

  let rows: QueueRow[] = []
  let reported: ReportedRow[] = []
  let overall: OutcomesByRating | null = null
  let perAgent: { name: string; outcomes: OutcomesByRating }[] = []
  if (allowed) {
    const since = daysAgo(days)
    const [pending, agents, reports] = await Promise.all([
      req.payload.find({
        collection: 'reviews',
        where: { status: { equals: 'pending' } },
        sort: 'submittedAt',
        limit: 100,
        depth: 1,
        user,
        overrideAccess: false,
      }),
      req.payload.find({
        collection: 'agents',
        // the agent filter's choices (the site's agents: MAX_AGENTS at most)
        limit: MAX_AGENTS,
        pagination: false,
        depth: 0,
        select: { name: true },
        sort: 'name',
        user,
        overrideAccess: false,
      }),
      req.payload.find({
        collection: 'review-reports',
        where: { status: { equals: 'open' } },
        sort: 'createdAt',
        limit: 500,
        depth: 1,
        user,
        overrideAccess: false,
      }),
    ])
    const agentNames = new Map(agents.docs.map((a) => [String(a.id), a.name]))
    const byReview = new Map<string, ReportedRow>()
    for (const report of reports.docs) {
      const review = report.review as Review | null | undefined
      if (!review || typeof review !== 'object') continue
      const row = byReview.get(String(review.id)) ?? {
        reviewId: review.id,
        title: review.title,
        body: review.body,
        rating: review.rating,
        agentName:
          agentNames.get(
            String(typeof review.agent === 'object' ? review.agent.id : review.agent),
          ) ?? '',
        editHref: `/admin/collections/reviews/${review.id}`,
        reports: [],
        suggestedReason: REJECTION_FOR_REPORT[report.reason] ?? 'guidelines',
      }
      row.reports.push({
        id: report.id,
        reason: own(REPORT_REASONS, report.reason) ?? report.reason,
        note: report.note ?? null,
        createdAt: report.createdAt,
      })
      byReview.set(String(review.id), row)
    }
    // the most reported first
    reported = [...byReview.values()].sort((a, b) => b.reports.length - a.reports.length)
    rows = pending.docs.map((review) => ({
      id: review.id,
      title: review.title,
      body: review.body,
      penName: review.penName ?? null,
      rating: review.rating,
      agentName: typeof review.agent === 'object' ? review.agent.name : '',
      submittedAt: review.submittedAt,
      rewarded: Boolean(review.rewarded),
      recentFromSubmitter: review.signals?.recentFromSubmitter ?? null,
      similarity: review.signals?.similarity ?? null,
      bannedWords: review.signals?.bannedWords ?? null,
      editHref: `/admin/collections/reviews/${review.id}`,
    }))
    const outcomes = await outcomesByAgent(req.payload, since)
    overall = outcomes.overall
    perAgent = agents.docs.map((agent) => ({
      name: agent.name,
      outcomes: outcomes.byAgent.get(String(agent.id)) ?? empty(),
    }))
  }
  const warning = overall ? suppressionWarning(overall) : null

  return (
    <AdminViewTemplate initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="review-queue-view">
        <h1>口コミ審査</h1>
        {!allowed || !overall ? (
          <p role="alert">このページは編集者と管理者だけが見られます。</p>
        ) : (
          <>
            <p>
              審査待ちの口コミを古い順に並べています。評価の高低ではなく、投稿ガイドラインに沿って判断してください。判断はすべて「審査記録」に残ります。
            </p>
            <ReviewQueueTable rows={rows} />

            <h2>読者からの通報</h2>
            <p>
              通報された口コミは、判断するまで掲載されたままです。ガイドラインに照らして、掲載を続けるか却下してください。
            </p>
            <ReportedReviewsTable rows={reported} />

            <h2>評価ごとの掲載・非掲載(直近{days}日の投稿)</h2>
            <p>
              {PERIODS.map((d) =>
                d === days ? (
                  <strong key={d}>直近{d}日 </strong>
                ) : (
                  <a key={d} href={`/admin/review-queue?days=${d}`}>
                    直近{d}日{' '}
                  </a>
                ),
              )}
            </p>
            {warning ? (
              <p role="alert" className="review-queue__warning">
                {warning}
              </p>
            ) : (
              <p>低い評価の口コミが多く非掲載になっている傾向は見られません。</p>
            )}
            <RatesTable caption="すべてのエージェント" outcomes={overall} />
            {perAgent.map(({ name, outcomes }) => {
              const agentWarning = suppressionWarning(outcomes)
              return (
                <section key={name}>
                  <RatesTable caption={name} outcomes={outcomes} />
                  {agentWarning ? (
                    <p role="alert" className="review-queue__warning">
                      {name}: {agentWarning}
                    </p>
                  ) : null}
                </section>
              )
            })}
          </>
        )}
      </Gutter>
    </AdminViewTemplate>
  )
}
