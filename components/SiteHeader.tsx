import Link from 'next/link'

type Props = { siteName: string }

/** The site header: brand and the main sections. */
export function SiteHeader({ siteName }: Props) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link
          href="/"
          className="inline-flex min-h-11 items-center text-xl font-bold tracking-wide text-brand-900"
        >
          {siteName}
        </Link>
        <nav aria-label="メインメニュー">
          <ul className="flex gap-1 text-sm font-medium text-slate-700 sm:gap-3">
            <li>
              <Link
                href="/"
                className="inline-flex min-h-11 min-w-11 items-center justify-center px-2 hover:text-brand-700 hover:underline"
              >
                記事一覧
              </Link>
            </li>
            <li>
              <Link
                href="/agents"
                className="inline-flex min-h-11 min-w-11 items-center justify-center px-2 hover:text-brand-700 hover:underline"
              >
                エージェント比較
              </Link>
            </li>
            <li>
              <Link
                href="/search"
                className="inline-flex min-h-11 min-w-11 items-center justify-center px-2 hover:text-brand-700 hover:underline"
              >
                検索
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  )
}
