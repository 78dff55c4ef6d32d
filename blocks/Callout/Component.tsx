import type { CalloutBlock as Fields } from '@/payload-types'

const tones = {
  point: { label: 'ポイント', box: 'border-emerald-600 bg-emerald-50', title: 'text-emerald-900' },
  caution: { label: '注意', box: 'border-red-600 bg-red-50', title: 'text-red-900' },
}

export function CalloutComponent({ tone, title, body }: Fields) {
  const style = tones[tone] ?? tones.point
  return (
    <aside
      className={`not-prose my-6 rounded-lg border-l-4 p-4 ${style.box}`}
      aria-label={title || style.label}
    >
      <p className={`font-bold ${style.title}`}>{title || style.label}</p>
      <p className="mt-1 leading-relaxed whitespace-pre-line">{body}</p>
    </aside>
  )
}
