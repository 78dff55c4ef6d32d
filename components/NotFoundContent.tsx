import Link from 'next/link'

const LINKS = [
  { href: '/', label: 'トップページへ戻る' },
  { href: '/agents', label: 'エージェント比較' },
  { href: '/review-guidelines', label: '口コミ投稿ガイドライン' },
  { href: '/about', label: '運営者情報' },
]

/**
 * What a reader sees at an address with no page: what happened, a search box (a plain GET
 * form, so it works before and without JavaScript) and the site's main pages.
 */
export function NotFoundContent() {
  return (
    <section className="mx-auto max-w-xl py-12" aria-labelledby="not-found-title">
      <p className="text-sm font-bold text-brand-700">404</p>
      <h1 id="not-found-title" className="mt-2 text-2xl font-bold">
        ページが見つかりませんでした
      </h1>
      <p className="mt-4 leading-relaxed text-slate-700">
        お探しのページは削除されたか、URLが変更された可能性があります。キーワードで記事を探すか、下のページからお進みください。
      </p>
      <form action="/search" method="get" role="search" className="mt-6 flex gap-2">
        <label htmlFor="not-found-q" className="sr-only">
          記事を検索
        </label>
        <input
          id="not-found-q"
          name="q"
          type="search"
          placeholder="例:フリーランス 年収"
          className="min-h-11 min-w-0 flex-1 rounded-md border border-slate-500 px-3 text-base"
        />
        <button
          type="submit"
          className="min-h-11 rounded-lg bg-brand-700 px-5 font-bold text-white hover:bg-brand-900"
        >
          検索
        </button>
      </form>
      <nav aria-label="主なページ" className="mt-8">
        <ul className="grid gap-2 sm:grid-cols-2">
          {LINKS.map(({ href, label }) => (
            <li key={href}>
              <Link
                href={href}
                className="flex min-h-11 items-center rounded-lg border border-slate-300 px-4 font-bold text-brand-700 hover:bg-slate-50"
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </section>
  )
}
