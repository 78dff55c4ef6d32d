'use client'

import { toast, useAuth, useDocumentInfo, useFormFields, useFormModified } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useId, useState } from 'react'

import { idString } from '@/lib/ids'
import type { User } from '@/payload-types'
import {
  availableTransitions,
  isWorkflowState,
  STATE_LABELS,
  type WorkflowState,
} from '@/lib/workflow'

/**
 * The transitions the signed-in user may make on this article, as buttons in the edit view's
 * sidebar. The server decides again on every request; this only offers what it would allow.
 */
export function WorkflowActions() {
  const { id, hasPublishedDoc } = useDocumentInfo()
  const { user } = useAuth<User>()
  const state = useFormFields(([fields]) => fields.workflowState?.value)
  const author = useFormFields(([fields]) => fields.author?.value)
  const modified = useFormModified()
  const router = useRouter()
  const [comment, setComment] = useState('')
  const [scheduledAt, setScheduledAt] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const commentId = useId()
  const scheduleId = useId()

  if (!id) {
    return (
      <p className="workflow-actions__note">
        最初の保存のあと、ここにワークフローの操作が表示されます。右上のボタン(レビュー依頼・公開)なら、保存と同時に操作できます。
      </p>
    )
  }
  if (!isWorkflowState(state)) return null
  const from: WorkflowState = state
  const moves = availableTransitions(user, from, idString(author) === idString(user?.id))

  async function move(to: WorkflowState) {
    setError('')
    if (to === 'changes_requested' && !comment.trim()) {
      setError('差し戻しには、直してほしい点をコメントで書いてください。')
      return
    }
    if (to === 'scheduled' && !scheduledAt) {
      setError('予約公開の日時を指定してください。')
      return
    }
    const body: Record<string, unknown> = { workflowState: to, workflowComment: comment }
    if (to === 'published') body._status = 'published'
    if (to === 'draft' && from === 'published') body._status = 'draft'
    if (to === 'scheduled') body.scheduledAt = new Date(scheduledAt).toISOString()
    // beside a live version, every step short of publishing is saved as a draft so the public
    // page stays as it is; publishing and unpublishing change the live version itself
    const draft = hasPublishedDoc && to !== 'published' && !(to === 'draft' && from === 'published')
    setBusy(true)
    try {
      const res = await fetch(`/api/articles/${id}?depth=0${draft ? '&draft=true' : ''}`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!res.ok) {
        const payload = (await res.json().catch(() => null)) as {
          errors?: { message?: string }[]
        } | null
        setError(payload?.errors?.[0]?.message ?? `変更できませんでした(${res.status})`)
        return
      }
      toast.success(`「${STATE_LABELS[to]}」にしました`)
      setComment('')
      router.refresh()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="workflow-actions">
      {moves.length > 0 && (
        <>
          <label htmlFor={commentId}>コメント(差し戻しでは必須)</label>
          <textarea
            id={commentId}
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          {moves.some((m) => m.to === 'scheduled') && (
            <>
              <label htmlFor={scheduleId}>予約公開の日時</label>
              <input
                id={scheduleId}
                type="datetime-local"
                step={1}
                value={scheduledAt}
                onChange={(e) => setScheduledAt(e.target.value)}
              />
            </>
          )}
          {modified && <p>保存していない変更があります。先に保存してから操作してください。</p>}
          <div className="workflow-actions__buttons">
            {moves.map((m) => (
              <button
                key={m.to}
                type="button"
                disabled={busy || modified}
                onClick={() => void move(m.to)}
              >
                {m.action}
              </button>
            ))}
          </div>
        </>
      )}
      {error && (
        <p role="alert" className="workflow-actions__error">
          {error}
        </p>
      )}
    </div>
  )
}
