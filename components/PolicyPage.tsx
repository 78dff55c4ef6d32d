import type { ReactNode } from 'react'

import { formatDateJa } from '@/lib/i18n'
import { revisedAt, type PolicyPath } from '@/lib/policyPages'

import { Breadcrumbs } from './Breadcrumbs'

/** The frame of a policy page: breadcrumb, title, last revision date and sections. */
export function PolicyPage({
  title,
  path,
  children,
}: {
  title: string
  path: PolicyPath
  children: ReactNode
}) {
  const revised = revisedAt(path)
  return (
    <article className="mx-auto max-w-3xl">
      <Breadcrumbs items={[{ name: 'ホーム', href: '/' }, { name: title }]} />
      <h1 className="mt-3 text-2xl font-bold">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">
        最終改定日:<time dateTime={revised}>{formatDateJa(revised)}</time>
      </p>
      <div className="mt-6 space-y-8 leading-relaxed [&_h2]:text-lg [&_h2]:font-bold [&_li]:ml-5 [&_li]:list-disc [&_p]:mt-2">
        {children}
      </div>
    </article>
  )
}
