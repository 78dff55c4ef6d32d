import Link from 'next/link'

export default function NotFound() {
  return (
    <section className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-bold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-bold">ページが見つかりませんでした</h1>
      <p className="mt-4 leading-relaxed text-slate-700">
        お探しのページは削除されたか、URLが変更された可能性があります。お手数ですが、トップページから目的の記事をお探しください。
      </p>
      <p className="mt-8">
        <Link
          href="/"
          className="inline-block rounded-lg bg-brand-700 px-5 py-3 font-bold text-white hover:bg-brand-900"
        >
          トップページへ戻る
        </Link>
      </p>
    </section>
  )
}
