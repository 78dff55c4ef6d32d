import { Gutter } from '@payloadcms/ui'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import {
  complianceContext,
  countProblems,
  isProblemKind,
  PROBLEM_KINDS,
  PROBLEM_LABELS,
  PROBLEM_LINKS_CAP,
  problemsPage,
  type ProblemKind,
} from '@/lib/compliance'
import { parsePage } from '@/lib/search'
import type { User } from '@/payload-types'

import { AdminViewTemplate } from './AdminViewTemplate'
import { isEditorUser } from '@/access/isEditor'

/** Problems shown a page, and the deepest page shown (an offset read grows with it); the CSV has them all. */
const PER_PAGE = 50
const MAX_PAGE = 200

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)

const hrefOf = (kind: ProblemKind, page = 1) =>
  `/admin/compliance?kind=${kind}${page > 1 ? `&page=${page}` : ''}`

/**
 * /admin/compliance for editors and admins: how many problems of each kind there are across
 * the site, and one kind's problems a page at a time (?kind=…&page=…), each linking to the
 * document to fix, with a CSV download of them all.
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
  const ctx = allowed ? await complianceContext(req.payload) : null
  const counts = ctx ? await countProblems(ctx) : null
  const total = counts ? PROBLEM_KINDS.reduce((sum, kind) => sum + counts[kind], 0) : 0
  const asked = first(searchParams?.kind)
  const kind: ProblemKind | undefined = isProblemKind(asked)
    ? asked
    : PROBLEM_KINDS.find((k) => counts?.[k])
  const kindTotal = kind && counts ? counts[kind] : 0
  const pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(kindTotal / PER_PAGE)))
  const page = Math.min(parsePage(first(searchParams?.page), MAX_PAGE) ?? 1, pages)
  const problems = ctx && kind && kindTotal ? await problemsPage(ctx, kind, page, PER_PAGE) : []

  return (
    <AdminViewTemplate initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="compliance">
        <h1>コンプライアンスチェック</h1>
        {!allowed || !counts ? (
          <p role="alert">このページは編集者と管理者だけが見られます。</p>
        ) : (
          <>
            <p>
              公開中のページとエージェント情報を確認し、読者の目に触れる問題を一覧にしています。期間の基準はサイト設定の「コンプライアンス」で変えられます。
            </p>
            <p>
              <a href="/api/compliance.csv" download>
                CSVでダウンロード(全{total.toLocaleString('ja-JP')}件)
              </a>
            </p>
            {ctx?.capped && (
              <p role="status">
                停止中・掲載期間切れのリンク、またはリンクのないエージェントが
                {PROBLEM_LINKS_CAP.toLocaleString('ja-JP')}
                件を超えています。リンクの問題は先頭の{PROBLEM_LINKS_CAP.toLocaleString('ja-JP')}
                件について確認しています。
              </p>
            )}
            {total === 0 ? (
              <p className="compliance__ok">問題は見つかりませんでした。</p>
            ) : (
              <>
                <nav aria-label="問題の種類">
                  <ul className="compliance__summary">
                    {PROBLEM_KINDS.filter((k) => counts[k]).map((k) => (
                      <li key={k}>
                        <Link href={hrefOf(k)} aria-current={k === kind ? 'page' : undefined}>
                          {PROBLEM_LABELS[k]}: {counts[k].toLocaleString('ja-JP')}件
                        </Link>
                      </li>
                    ))}
                  </ul>
                </nav>
                {kind && (
                  <table className="compliance__table">
                    <caption>
                      {PROBLEM_LABELS[kind]}({kindTotal.toLocaleString('ja-JP')}件
                      {pages > 1 ? `、${page} / ${pages}ページ` : ''})
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">問題</th>
                        <th scope="col">対象</th>
                        <th scope="col">内容</th>
                      </tr>
                    </thead>
                    <tbody>
                      {problems.map((p, i) => (
                        <tr key={`${p.kind}-${p.collection}-${p.id}-${i}`} data-kind={p.kind}>
                          <td>{p.label}</td>
                          <td>
                            <Link href={p.adminPath}>{p.title}</Link>
                          </td>
                          <td>{p.detail}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {kind && pages > 1 && (
                  <nav aria-label="ページ送り" className="compliance__pager">
                    {page > 1 && (
                      <Link href={hrefOf(kind, page - 1)} rel="prev">
                        前へ
                      </Link>
                    )}{' '}
                    {page < pages && (
                      <Link href={hrefOf(kind, page + 1)} rel="next">
                        次へ
                      </Link>
                    )}
                    {page === MAX_PAGE && kindTotal > MAX_PAGE * PER_PAGE && (
                      <span>
                        {(MAX_PAGE * PER_PAGE).toLocaleString('ja-JP')}
                        件目より後はCSVで確認してください。
                      </span>
                    )}
                  </nav>
                )}
              </>
            )}
          </>
        )}
      </Gutter>
    </AdminViewTemplate>
  )
}
