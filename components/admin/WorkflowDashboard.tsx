import Link from 'next/link'
import type { Payload, Where } from 'payload'

import type { Article, User } from '@/payload-types'
import { isWriterUser } from '@/access/isWriter'
import { isEditorUser } from '@/access/isEditor'

type Props = { payload: Payload; user?: User | null }

async function list(payload: Payload, user: User, where: Where) {
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
  return { docs: docs as Pick<Article, 'id' | 'title' | 'updatedAt'>[], totalDocs }
}

function Panel({
  title,
  empty,
  result,
  filterHref,
}: {
  title: string
  empty: string
  result: Awaited<ReturnType<typeof list>>
  filterHref: string
}) {
  return (
    <section className="workflow-panel" aria-labelledby={`panel-${title}`}>
      <h2 id={`panel-${title}`}>
        {title} <span className="workflow-panel__count">{result.totalDocs}件</span>
      </h2>
      {result.docs.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul>
          {result.docs.map((doc) => (
            <li key={doc.id}>
              <Link href={`/admin/collections/articles/${doc.id}`}>{doc.title}</Link>
            </li>
          ))}
        </ul>
      )}
      {result.totalDocs > result.docs.length && <Link href={filterHref}>すべて見る</Link>}
    </section>
  )
}

const filter = (state: string) =>
  `/admin/collections/articles?where[workflowState][equals]=${state}`

/**
 * The top of the dashboard: what is waiting for the signed-in person. Editors see the articles
 * waiting for review; writers see their articles sent back with comments.
 */
export async function WorkflowDashboard({ payload, user }: Props) {
  if (!user) return null
  const panels = []
  if (isEditorUser(user)) {
    panels.push(
      <Panel
        key="review"
        title="レビュー待ち"
        empty="レビュー待ちの記事はありません。"
        result={await list(payload, user, { workflowState: { equals: 'in_review' } })}
        filterHref={filter('in_review')}
      />,
    )
  }
  if (isWriterUser(user)) {
    panels.push(
      <Panel
        key="changes"
        title="差し戻し"
        empty="差し戻された記事はありません。"
        result={await list(payload, user, {
          and: [
            { workflowState: { equals: 'changes_requested' } },
            { author: { equals: user.id } },
          ],
        })}
        filterHref={filter('changes_requested')}
      />,
    )
  }
  if (panels.length === 0) return null
  return <div className="workflow-panels">{panels}</div>
}
