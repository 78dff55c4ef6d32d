import type { UIFieldServerProps } from 'payload'

import { isStaffUser } from '@/access/isStaff'
import { STATE_LABELS } from '@/lib/workflow'

/**
 * 使用箇所 on a link's page: every article whose page shows it (a card's or table's own link,
 * a /go/ link in the text; from the articles' computed dependencies) and every agent whose
 * CTAs fall back to it. Changing the link here changes all of them at once.
 */
export async function LinkUsage({ id, req }: UIFieldServerProps) {
  if (id === undefined || !isStaffUser(req.user)) return null
  const [articles, agents] = await Promise.all([
    req.payload.find({
      collection: 'articles',
      where: { 'dependsOn.links': { in: [String(id)] } },
      select: { title: true, slug: true, workflowState: true },
      sort: 'title',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
    req.payload.find({
      collection: 'agents',
      where: { primaryLink: { equals: id } },
      select: { name: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
  ])
  const states = STATE_LABELS as Record<string, string>
  return (
    <section className="link-usage" aria-labelledby="link-usage-heading">
      <h3 id="link-usage-heading">使用箇所</h3>
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
