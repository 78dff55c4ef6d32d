'use client'

import {
  FormSubmit,
  useAuth,
  useConfig,
  useDocumentInfo,
  useForm,
  useFormFields,
  useFormModified,
  useOperation,
} from '@payloadcms/ui'
import { useRouter } from 'next/navigation'

import { idString } from '@/lib/ids'
import { isWorkflowState, primaryTransition, type WorkflowState } from '@/lib/workflow'
import type { User } from '@/payload-types'

/**
 * The article's main button in the top bar, in place of Payload's own publish button: the
 * next workflow step for this user (公開 for an editor, レビュー依頼 for the writer), which
 * saves what is on screen and makes the move in one request. Publishing therefore goes
 * through the workflow whichever button is used, and the server records it in the history the
 * same way (collections/Articles/hooks/enforceWorkflow.ts). On a live article an editor's
 * button publishes the changes on screen. The sidebar keeps every other move.
 */
export function WorkflowPublishButton() {
  const { id, collectionSlug, unpublishedVersionCount, setHasPublishedDoc } = useDocumentInfo()
  const { user } = useAuth<User>()
  const { submit } = useForm()
  const modified = useFormModified()
  const operation = useOperation()
  const router = useRouter()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const state = useFormFields(([fields]) => fields.workflowState?.value)
  const author = useFormFields(([fields]) => fields.author?.value)

  const from: WorkflowState = isWorkflowState(state) ? state : 'draft'
  // a new article is the author's own draft
  const isAuthor = !id || idString(author) === idString(user?.id)
  // changes to a live article are a new revision, which starts as a draft
  const live = from === 'published'
  const primary = primaryTransition(user, live ? 'draft' : from, isAuthor)
  if (!primary || !collectionSlug) return null
  const move = {
    to: primary.to,
    action: live && primary.to === 'published' ? '変更を公開' : primary.action,
  }
  // a live article without changes on screen or saved as drafts has nothing new to send
  const disabled = live && !modified && !(unpublishedVersionCount > 0)

  async function run() {
    const publishing = move.to === 'published'
    // short of publishing, the save is a draft beside the live version, so the page stays
    const query = new URLSearchParams({ depth: '0' })
    if (!publishing) query.set('draft', 'true')
    const result = await submit({
      action: `${api}/${collectionSlug}${id ? `/${id}` : ''}?${query}`,
      method: id ? 'PATCH' : 'POST',
      overrides: { workflowState: move.to, _status: publishing ? 'published' : 'draft' },
    })
    if (!result) return
    if (publishing) setHasPublishedDoc(true)
    if (operation === 'update') router.refresh()
  }

  return (
    <FormSubmit
      buttonId="action-save"
      type="button"
      size="medium"
      disabled={disabled}
      onClick={() => void run()}
    >
      {move.action}
    </FormSubmit>
  )
}
