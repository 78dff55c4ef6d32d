import Link from 'next/link'
import type { ServerProps } from 'payload'

import type { User } from '@/payload-types'
import { isEditorUser } from '@/access/isEditor'

/** The review queue's and the compliance view's entries in the admin navigation, for editors and admins. */
export function ComplianceNavLink({ user }: ServerProps) {
  if (!isEditorUser(user as User | undefined)) return null
  return (
    <>
      <Link className="nav__link compliance-nav-link" href="/admin/review-queue">
        口コミ審査
      </Link>
      <Link className="nav__link compliance-nav-link" href="/admin/compliance">
        コンプライアンスチェック
      </Link>
    </>
  )
}
