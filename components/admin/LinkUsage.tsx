import type { UIFieldServerProps } from 'payload'

import { isStaffUser } from '@/access/isStaff'
import { STATE_LABELS } from '@/lib/workflow'

/** Places listed by name; past these the count says how many more there are. */
const SHOWN = 50

/**
 * 使用箇所 on a link's page: the articles whose page shows it (a card's or table's own link,
 * a /go/ link in the text; from the articles' computed dependencies) and the agents whose
 * CTAs fall back to it, the first SHOWN of each by name and how many there are in all.
 * Changing the link here changes all of them at once.
 */
export async function LinkUsage({ id, req }: UIFieldServerProps) {
  if (id === undefined || !isStaffUser(req.user)) return null
  const [articles, agents] = await Promise.all([
    req.payload.find({
      collection: 'articles',
      where: { 'dependsOn.links': { in: [String(id)] } },
      select: { title: true, slug: true, workflowState: true },
      sort: 'title',
      limit: SHOWN,
      depth: 0,
      overrideAccess: true,
    }),
    req.payload.find({
      collection: 'agents',
      where: { primaryLink: { equals: id } },
      select: { name: true },
      sort: 'name',
      limit: SHOWN,
      depth: 0,
      overrideAccess: true,
    }),
  ])
  const states = STATE_LABELS as Record<string, string>
  return (
    <section className="link-usage" aria-labelledby="link-usage-heading">
      <h3 id="link-usage-heading">使用箇所</h3>
      {articles.totalDocs + agents.totalDocs > 0 && (
        <p>
          記事 {articles.totalDocs.toLocaleString('ja-JP')}件、エージェント{' '}
          {agents.totalDocs.toLocaleString('ja-JP')}件で使われています。
          {articles.totalDocs > SHOWN || agents.totalDocs > SHOWN
            ? `(それぞれ先頭の${SHOWN}件を表示)`
            : ''}
        </p>
      )}
      {articles.docs.length + agents.docs.length === 0 ? (
        <p>このリンクはまだどの記事・エージェントにも使われていません。</p>
      ) : (
        <ul>
          {articles.docs.map((article) => (
            <li key={`a-${article.id}`}>
              記事: <a href={`/admin/collections/articles/${article.id}`}>{article.title}</a>
              {article.workflowState
                ? `(${states[article.workflowState] ?? article.workflowState})`
                : ''}
            </li>
          ))}
          {agents.docs.map((agent) => (
            <li key={`g-${agent.id}`}>
              エージェントの公式サイトボタン:{' '}
              <a href={`/admin/collections/agents/${agent.id}`}>{agent.name}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
