import { describe, expect, it } from 'vitest'

import { linkState } from './linkState'

const now = new Date('2026-12-03T00:00:00Z')

describe('linkState', () => {
  it('calls an active link past its schedule 期限切れ, and says where readers go', () => {
    const ended = { status: 'active', activeUntil: '2025-11-30T14:59:59.000Z' }
    expect(linkState({ ...ended, fallbackUrl: 'https://x.example/' }, now)).toEqual({
      label: '期限切れ(代替URLへ転送中)',
      tone: 'ended',
    })
    expect(linkState(ended, now).label).toBe('期限切れ(転送先なし)')
  })

  it('tells a link before its start, a live one and a stopped one apart', () => {
    expect(linkState({ status: 'active', activeFrom: '2027-01-01T00:00:00Z' }, now).tone).toBe(
      'waiting',
    )
    expect(
      linkState(
        { status: 'active', activeFrom: '2026-01-01T00:00:00Z', activeUntil: '2027-01-01' },
        now,
      ),
    ).toEqual({ label: '有効', tone: 'ok' })
    expect(linkState({ status: 'paused', activeUntil: '2025-01-01' }, now)).toEqual({
      label: '停止中',
      tone: 'off',
    })
  })
})
