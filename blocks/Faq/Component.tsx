import type { FaqBlock as Fields } from '@/payload-types'

/** Questions and answers as a description list; each answer opens without JavaScript. */
export function FaqComponent({ items }: Fields) {
  if (!items?.length) return null
  return (
    <div className="not-prose my-6 space-y-3">
      {items.map((item) => (
        <details
          key={item.id ?? item.question}
          className="group rounded-lg border border-slate-300 bg-white"
        >
          <summary className="cursor-pointer list-none p-4 font-bold">
            <span aria-hidden="true" className="mr-2 text-brand-700">
              Q.
            </span>
            {item.question}
          </summary>
          <p className="border-t border-slate-200 p-4 leading-relaxed whitespace-pre-line">
            <span aria-hidden="true" className="mr-2 font-bold text-cta">
              A.
            </span>
            {item.answer}
          </p>
        </details>
      ))}
    </div>
  )
}
