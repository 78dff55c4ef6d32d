import { Gutter } from '@payloadcms/ui'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import { findComplianceProblems, PROBLEM_LABELS, type ProblemKind } from '@/lib/compliance'
import type { User } from '@/payload-types'

import { AdminViewTemplate } from './AdminViewTemplate'
import { isEditorUser } from '@/access/isEditor'

/**
 * /admin/compliance: every compliance problem across the site for editors and admins, grouped
 * by kind, each linking to the document to fix, with a CSV download.
 */
export async function ComplianceView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req } = initPageResult
  const user = req.user as User | null
  if (!user) redirect('/admin/login?redirect=%2Fadmin%2Fcompliance')
  const allowed = isEditorUser(user)
  const problems = allowed ? await findComplianceProblems(req.payload) : []
  const counts = problems.reduce<Partial<Record<ProblemKind, number>>>((acc, p) => {
    acc[p.kind] = (acc[p.kind] ?? 0) + 1
    return acc
  }, {})

  return (
    <AdminViewTemplate initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="compliance">
        <h1>コンプライアンスチェック</h1>
        {!allowed ? (
          <p role="alert">このページは編集者と管理者だけが見られます。</p>
        ) : (
          <>
            <p>
              公開中のページとエージェント情報を確認し、読者の目に触れる問題を一覧にしています。期間の基準はサイト設定の「コンプライアンス」で変えられます。
            </p>
            <p>
              <a href="/api/compliance.csv" download>
                CSVでダウンロード
              </a>
            </p>
            {problems.length === 0 ? (
              <p className="compliance__ok">問題は見つかりませんでした。</p>
            ) : (
              <>
                <ul className="compliance__summary">
                  {(Object.keys(PROBLEM_LABELS) as ProblemKind[])
                    .filter((kind) => counts[kind])
                    .map((kind) => (
                      <li key={kind}>
                        {PROBLEM_LABELS[kind]}: {counts[kind]}件
                      </li>
                    ))}
                </ul>
                <table className="compliance__table">
                  <caption>問題の一覧({problems.length}件)</caption>
                  <thead>
                    <tr>
                      <th scope="col">問題</th>
                      <th scope="col">対象</th>
                      <th scope="col">内容</th>
                    </tr>
                  </thead>
                  <tbody>
                    {problems.map((p, i) => (
                      <tr key={`${p.kind}-${p.id}-${i}`} data-kind={p.kind}>
                        <td>{p.label}</td>
                        <td>
                          <Link href={p.adminPath}>{p.title}</Link>
                        </td>
                        <td>{p.detail}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </>
        )}
      </Gutter>
    </AdminViewTemplate>
  )
}
