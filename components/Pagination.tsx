import Link from 'next/link'

type Props = {
  page: number
  totalPages: number
  /** Builds the URL of a page, keeping the listing's other query parameters. */
  hrefFor: (page: number) => string
  label?: string
}

/** Previous / page numbers / next, with rel="prev" and rel="next" on the neighbours. */
export function Pagination({ page, totalPages, hrefFor, label = 'ページ送り' }: Props) {
  if (totalPages <= 1) return null
  const pages = Array.from({ length: totalPages }, (_, i) => i + 1).filter(
    (p) => p === 1 || p === totalPages || Math.abs(p - page) <= 2,
  )
  const item = 'inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border px-3'
  return (
    <nav aria-label={label} className="mt-8">
      <ul className="flex flex-wrap items-center justify-center gap-2 text-sm">
        {page > 1 ? (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev" className={`${item} border-slate-300`}>
              前へ
            </Link>
          </li>
        ) : null}
        {pages.map((p, i) => (
          <li key={p} className="flex items-center gap-2">
            {i > 0 && p - pages[i - 1] > 1 ? <span aria-hidden="true">…</span> : null}
            {p === page ? (
              <span
                aria-current="page"
                className={`${item} border-brand-700 bg-brand-700 font-bold text-white`}
              >
                {p}
              </span>
            ) : (
              <Link
                href={hrefFor(p)}
                className={`${item} border-slate-300`}
                aria-label={`${p}ページ目`}
              >
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < totalPages ? (
          <li>
            <Link href={hrefFor(page + 1)} rel="next" className={`${item} border-slate-300`}>
              次へ
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
