'use client'

export default function SiteError({ reset }: { error: Error; reset: () => void }) {
  return (
    <section className="mx-auto max-w-xl py-16 text-center" role="alert">
      <h1 className="text-2xl font-bold">ページを表示できませんでした</h1>
      <p className="mt-4 leading-relaxed text-slate-700">
        一時的な問題が発生しています。時間をおいて再度お試しください。
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-8 rounded-lg bg-brand-700 px-5 py-3 font-bold text-white hover:bg-brand-900"
      >
        もう一度読み込む
      </button>
    </section>
  )
}
