import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { isEditorUser } from '@/access/isEditor'
import { isWriterUser } from '@/access/isWriter'
import {
  allowedTransition,
  isWorkflowState,
  mayEditContent,
  transitionRefusal,
  type WorkflowState,
} from '@/lib/workflow'
import { idString } from '@/lib/ids'
import { PublicError } from '@/lib/publicError'
import type { Article } from '@/payload-types'

type Pending = {
  from: WorkflowState | null
  to: WorkflowState
  comment: string
  scheduledAt: string | null
}

const PENDING = 'workflowTransition'

/**
 * Whether this save writes a draft beside the live version rather than changing the live one.
 * Payload does not tell collection hooks; REST and GraphQL carry it in the query, and server
 * code that saves a draft says so in `context.draftSave`. When unknown, a save that would turn
 * a published article into a draft is treated as unpublishing, which only editors may do.
 */
const isDraftSave = (req: PayloadRequest) =>
  req.query?.draft === 'true' || req.query?.draft === true || req.context?.draftSave === true

/**
 * The editorial workflow, enforced on every save through every API. The state may only move
 * along the transitions the user's role allows; 差し戻し needs a comment and 予約公開 a future
 * time; the publication status (_status) always agrees with the state. Anything else is
 * refused with a message that says why, and nothing is written.
 */
export const enforceWorkflow: CollectionBeforeChangeHook<Article> = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const user = req.user
  // server code acting without a user (seed, scheduled publishing) is trusted
  const system = !user
  const rawComment = (data as { workflowComment?: unknown }).workflowComment
  const comment = typeof rawComment === 'string' ? rawComment.trim() : ''
  // on some saves (drafts) Payload hands the hook the whole document, so a state equal to the
  // stored one is no request at all
  const requested =
    isWorkflowState(data.workflowState) && data.workflowState !== originalDoc?.workflowState
      ? data.workflowState
      : undefined

  if (operation === 'create' || !originalDoc) {
    const to: WorkflowState = data._status === 'published' ? 'published' : (requested ?? 'draft')
    if (!system && to !== 'draft' && !allowedTransition(user, 'draft', to, true)) {
      throw new PublicError(transitionRefusal('draft', to), 403)
    }
    data.workflowState = to
    req.context[PENDING] = { from: null, to, comment, scheduledAt: data.scheduledAt ?? null }
    return data
  }

  const draftSave = isDraftSave(req)
  const status = data._status ?? (draftSave ? 'draft' : originalDoc._status)
  const isAuthor = idString(originalDoc.author) === idString(user?.id)
  let from: WorkflowState = isWorkflowState(originalDoc.workflowState)
    ? originalDoc.workflowState
    : originalDoc._status === 'published'
      ? 'published'
      : 'draft'
  // a draft saved beside the live version starts a new revision, which goes through review
  if (from === 'published' && status !== 'published' && draftSave) from = 'draft'

  let to: WorkflowState
  if (status === 'published') {
    if (requested && requested !== 'published' && requested !== from) {
      throw new PublicError('公開と同時に別の状態へは変更できません。', 400)
    }
    to = 'published'
  } else if ((requested ?? from) === 'published') {
    if (from !== 'published' && requested === 'published') {
      throw new PublicError('公開するには公開ボタン(_status: published)で保存してください。', 400)
    }
    // saving a published article as a draft without draft=true takes it off the site
    to = from === 'published' ? 'draft' : from
  } else {
    to = requested ?? from
  }

  if (to !== from) {
    if (!system && !allowedTransition(user, from, to, isAuthor)) {
      throw new PublicError(transitionRefusal(from, to), 403)
    }
    if (to === 'changes_requested' && !comment) {
      throw new PublicError('差し戻しには、直してほしい点をコメントで書いてください。', 400)
    }
    if (to === 'scheduled') {
      const at = data.scheduledAt ?? originalDoc.scheduledAt
      if (!at || Number.isNaN(Date.parse(at)) || Date.parse(at) <= Date.now()) {
        throw new PublicError('予約公開の日時は、現在より後の日時を指定してください。', 400)
      }
    }
    req.context[PENDING] = {
      from,
      to,
      comment,
      scheduledAt:
        to === 'scheduled' ? (data.scheduledAt ?? originalDoc.scheduledAt ?? null) : null,
    } satisfies Pending
  } else if (!system && from === 'published' && !isEditorUser(user)) {
    throw new PublicError(
      '公開中の記事は直接変更できません。下書きとして保存し、レビューを依頼してください。',
      403,
    )
  } else if (!system && !mayEditContent(user, from, isAuthor)) {
    throw new PublicError(
      isWriterUser(user)
        ? '承認済み・予約公開中の記事は編集できません。直す必要があれば編集者に差し戻しを依頼してください。'
        : 'この記事を編集する権限がありません。',
      403,
    )
  }

  // an editor's change to the live version is a publication too, recorded like the others
  // whether it came from the workflow button, the top bar or the API
  if (!system && from === 'published' && to === 'published') {
    req.context[PENDING] = { from, to, comment, scheduledAt: null } satisfies Pending
  }

  data.workflowState = to
  if (to !== 'scheduled') data.scheduledAt = null
  return data
}

/**
 * Records the transition the save made (with the PR state the version had) and, for 予約公開,
 * queues the job that publishes the article at its time. Runs in the save's transaction.
 */
export const recordTransition: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  const pending = req.context[PENDING] as Pending | undefined
  if (!pending) return doc
  delete req.context[PENDING]
  await req.payload.create({
    collection: 'article-transitions',
    data: {
      article: doc.id,
      articleTitle: doc.title,
      from: pending.from,
      to: pending.to,
      by: req.user?.id ?? null,
      byName: req.user?.displayName ?? null,
      comment: pending.comment || null,
      scheduledAt: pending.scheduledAt,
      promotional: Boolean(doc.promotional),
    },
    overrideAccess: true,
    req,
  })
  if (pending.to === 'scheduled' && pending.scheduledAt) {
    await req.payload.jobs.queue({
      task: 'publishScheduledArticle',
      input: { article: String(doc.id), scheduledAt: pending.scheduledAt },
      queue: 'scheduled',
      waitUntil: new Date(pending.scheduledAt),
      req,
    })
  }
  return doc
}
