'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

/** 「今すぐ確認」: the link's landing page checked now, its result stored on the link. */
export function LinkHealthButton() {
  const { id } = useDocumentInfo()
  const router = useRouter()
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (id === undefined || id === null) return null
  async function check() {
    setBusy(true)
    setMessage(null)
    try {
      const res = await fetch(`/api/affiliate-links/${id}/check-health`, {
        method: 'POST',
        credentials: 'include',
      })
      const body = (await res.json().catch(() => null)) as {
        message?: string
        errors?: { message?: string }[]
      } | null
      setMessage(
        res.ok
          ? `確認しました: ${body?.message ?? ''}`
          : (body?.errors?.[0]?.message ?? '確認できませんでした'),
      )
      router.refresh()
    } catch {
      setMessage('通信に失敗しました')
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="link-health">
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        onClick={check}
        disabled={busy}
      >
        {busy ? '確認中…' : 'リンクを今すぐ確認'}
      </button>
      <p role="status">{message}</p>
    </div>
  )
}
