import { LINK_STATUS } from './taxonomy'

// What a link does for readers right now, in words for the admin: the stored status says
// 有効 for a campaign link whose schedule has ended, while its /go/ already sends readers to the
// fallback (lib/queries/affiliateLinks.ts resolveDestination applies the same schedule).

export type LinkStateInput = {
  status?: string | null
  activeFrom?: string | null
  activeUntil?: string | null
  fallbackUrl?: string | null
}

export type LinkState = { label: string; tone: 'ok' | 'waiting' | 'ended' | 'off' }

export function linkState(link: LinkStateInput, now: Date = new Date()): LinkState {
  if (link.status !== 'active') {
    const label = LINK_STATUS[link.status as keyof typeof LINK_STATUS] ?? '—'
    return { label, tone: 'off' }
  }
  const beyond = (at: string | null | undefined) => (at ? new Date(at) <= now : false)
  if (link.activeFrom && !beyond(link.activeFrom))
    return {
      label: link.fallbackUrl ? '掲載開始前(代替URLへ転送中)' : '掲載開始前(転送先なし)',
      tone: 'waiting',
    }
  if (beyond(link.activeUntil))
    return {
      label: link.fallbackUrl ? '期限切れ(代替URLへ転送中)' : '期限切れ(転送先なし)',
      tone: 'ended',
    }
  return { label: LINK_STATUS.active, tone: 'ok' }
}
