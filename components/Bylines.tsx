import Link from 'next/link'

import type { Article } from '@/payload-types'

const roleLabel = { author: '著者', supervisor: '監修者' } as const

/** 著者 and 監修者 with their qualification and a short profile. */
export function Bylines({ bylines }: { bylines: Article['bylines'] }) {
  if (!bylines?.length) return null
  return (
    <section aria-label="著者・監修者" className="mt-4 grid gap-3 sm:grid-cols-2">
      {bylines.map((b) => (
        <div key={`${b.role}-${b.name}`} className="rounded-lg border border-slate-200 p-3 text-sm">
          <p>
            <span className="mr-2 rounded bg-slate-700 px-1.5 py-0.5 text-xs font-bold text-white">
              {b.role ? roleLabel[b.role] : '著者'}
            </span>
            {b.slug ? (
              <Link
                href={`/authors/${b.slug}`}
                className="-my-3 inline-block py-3 font-bold text-brand-700 underline"
              >
                {b.name}
              </Link>
            ) : (
              <span className="font-bold">{b.name}</span>
            )}
          </p>
          {b.qualification ? <p className="mt-1 text-slate-700">{b.qualification}</p> : null}
          {b.bio ? <p className="mt-1 leading-relaxed text-slate-700">{b.bio}</p> : null}
        </div>
      ))}
    </section>
  )
}
