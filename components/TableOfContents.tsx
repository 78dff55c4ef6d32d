import type { TocEntry } from '@/lib/toc'

/** 目次 from the article's H2/H3 headings; plain anchor links, no JavaScript needed. */
export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  if (entries.length < 2) return null
  return (
    <nav
      aria-labelledby="toc-title"
      className="my-6 rounded-lg border border-slate-300 bg-slate-50 p-4"
    >
      <h2 id="toc-title" className="font-bold">
        目次
      </h2>
      <ol className="mt-2 space-y-0.5 text-sm">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.level === 3 ? 'pl-4 text-slate-700' : 'font-medium'}>
            <a
              href={`#${entry.id}`}
              className="inline-block py-1 hover:text-brand-700 hover:underline"
            >
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
