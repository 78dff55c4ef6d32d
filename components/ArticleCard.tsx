import Link from 'next/link'

import { formatDateJa } from '@/lib/i18n'
import type { ArticleListItem } from '@/lib/queries/articles'

import { MediaImage } from './MediaImage'

/** An article in a listing: picture, title, date and lead. */
export function ArticleCard({ article }: { article: ArticleListItem }) {
  return (
    <article className="flex gap-4 border-b border-slate-200 py-5 sm:flex-col sm:rounded-xl sm:border sm:p-0">
      <MediaImage
        media={article.heroImage}
        size="card"
        sizes="(min-width: 640px) 320px, 112px"
        className="h-20 w-28 shrink-0 rounded-md object-cover sm:h-auto sm:w-full sm:rounded-t-xl sm:rounded-b-none"
        alt=""
      />
      <div className="min-w-0 sm:px-4 sm:pb-4">
        <h3 className="leading-snug font-bold">
          <Link
            href={`/articles/${article.slug}`}
            className="-my-1 block py-1 hover:text-brand-700 hover:underline"
          >
            {article.title}
          </Link>
        </h3>
        <p className="mt-1 text-xs text-slate-600">
          <time dateTime={article.publishedAt ?? undefined}>
            {formatDateJa(article.publishedAt)}
          </time>
          {article.promotional ? <span className="ml-2">PR</span> : null}
        </p>
        <p className="mt-2 line-clamp-2 hidden text-sm text-slate-700 sm:block">{article.lead}</p>
      </div>
    </article>
  )
}
