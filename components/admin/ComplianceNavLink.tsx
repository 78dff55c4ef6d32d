import Link from 'next/link'
import type { ServerProps } from 'payload'

import type { User } from '@/payload-types'
import { isEditorUser } from '@/access/isEditor'
import { isEditorOrMarketerUser } from '@/access/isEditorOrMarketer'

/**
 * The admin navigation's own views: the click report for editors, marketers and admins; the
 * review queue and the compliance view for editors and admins.
 */
export function ComplianceNavLink({ user }: ServerProps) {
  const reports = isEditorOrMarketerUser(user as User | undefined)
  if (!isEditorUser(user as User | undefined))
    return reports ? (
      <Link className="nav__link compliance-nav-link" href="/admin/click-report">
        クリックレポート
      </Link>
    ) : null
  return (
    <>
      <Link className="nav__link compliance-nav-link" href="/admin/click-report">
        クリックレポート
      </Link>
      <Link className="nav__link compliance-nav-link" href="/admin/review-queue">
        口コミ審査
      </Link>
      <Link className="nav__link compliance-nav-link" href="/admin/compliance">
        コンプライアンスチェック
      </Link>
    </>
  )
}
