import Link from 'next/link'
import type { ServerProps } from 'payload'

import { hasRole } from '@/access/roles'
import type { User } from '@/payload-types'

/** The compliance view's entry in the admin navigation, for editors and admins. */
export function ComplianceNavLink({ user }: ServerProps) {
  if (!hasRole(user as User | undefined, 'admin', 'editor')) return null
  return (
    <Link className="nav__link compliance-nav-link" href="/admin/compliance">
      コンプライアンスチェック
    </Link>
  )
}
