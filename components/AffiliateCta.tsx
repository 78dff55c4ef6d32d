import { PrMarker } from './PrMarker'

import type { Slot } from '@/lib/clicks/placement'

type Props = {
  linkSlug: string
  /** the page (article slug or agent-<slug>) and where on it, for the click report */
  placement: string
  slot: Exclude<Slot, 'unknown'>
  label?: string
  agentName?: string
}

/** The 「公式サイトを見る」 button: through /go/, marked PR and rel="sponsored". */
export function AffiliateCta({
  linkSlug,
  placement,
  slot,
  label = '公式サイトを見る',
  agentName,
}: Props) {
  const href = `/go/${encodeURIComponent(linkSlug)}?from=${encodeURIComponent(placement)}&slot=${slot}`
  return (
    <a
      href={href}
      rel="sponsored noopener"
      target="_blank"
      className="flex min-h-12 w-full items-center justify-center rounded-lg bg-cta px-4 py-3 text-center font-bold text-white shadow-sm hover:bg-cta-dark focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-cta sm:w-auto"
      data-cta="affiliate"
    >
      <PrMarker />
      {label}
      {agentName ? <span className="sr-only">({agentName}、新しいタブで開きます)</span> : null}
      <span aria-hidden="true" className="ml-1">
        ›
      </span>
    </a>
  )
}
