import { REVIEW_SEARCH_LIMITS } from '@/lib/searchIndex/reviews/types'
import type { ReviewSearch } from '@/lib/searchIndex/reviews'

const quoted = (words: string[]) => words.map((word) => `「${word}」`).join('')

/**
 * What a search within an agent's reviews looked for, and what it left out or narrowed, beside
 * its count (the same rules as the site search, lib/search.ts searchPlan).
 */
export function ReviewSearchNotes({ search }: { search: ReviewSearch }) {
  const broad = !search.searched.length || search.ignored.length > 0 || search.narrowed
  return (
    <div
      className={`mt-2 text-sm leading-relaxed text-slate-800 ${
        broad ? 'rounded-lg border border-amber-300 bg-amber-50 p-3' : ''
      }`}
      data-testid="review-search-notes"
    >
      <p>
        {search.searched.length
          ? `キーワード${quoted(search.searched)}を含む口コミを新しい順に探しました。`
          : '検索できる語がありませんでした。2文字以上の語を入力してください。'}
      </p>
      {search.ignored.length ? (
        <p>{quoted(search.ignored)}は1文字のため、検索から除きました。</p>
      ) : null}
      {search.narrowed ? (
        <p>
          よく使われる語だけの検索のため、新しい口コミ
          {REVIEW_SEARCH_LIMITS.walkCap.toLocaleString('ja-JP')}
          件の中から探しました。語を足すと絞り込めます。
        </p>
      ) : null}
    </div>
  )
}
