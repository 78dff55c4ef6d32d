import { LivePreviewRefresh } from './LivePreviewRefresh'

/** Shown above a draft opened in preview: it says so, and how to leave. */
export function PreviewBanner({ slug }: { slug: string }) {
  return (
    <div
      role="status"
      className="mb-4 flex flex-wrap items-center justify-between gap-2 rounded-lg border-2 border-amber-600 bg-amber-50 px-4 py-3 text-sm font-bold text-amber-900"
    >
      <span>プレビュー中:公開前の下書きを表示しています。読者には見えません。</span>
      <a href={`/exit-preview?slug=${encodeURIComponent(slug)}`} className="underline">
        プレビューを終了
      </a>
      <LivePreviewRefresh />
    </div>
  )
}
