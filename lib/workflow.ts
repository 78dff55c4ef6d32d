import type { User } from '@/payload-types'
import { isWriterUser } from '@/access/isWriter'
import { isEditorUser } from '@/access/isEditor'
import { isAdminUser } from '@/access/isAdmin'

// The editorial workflow of an article. The state is stored on the article (in every version,
// so each version says how far it had got) and every change of state is recorded in
// article-transitions. Content itself lives in Payload's drafts and versions.

export const WORKFLOW_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

export const STATE_LABELS: Record<WorkflowState, string> = {
  draft: '下書き',
  in_review: 'レビュー待ち',
  changes_requested: '差し戻し',
  approved: '承認済み',
  scheduled: '予約公開',
  published: '公開',
}

export const isWorkflowState = (value: unknown): value is WorkflowState =>
  typeof value === 'string' && (WORKFLOW_STATES as readonly string[]).includes(value)

export type Actor = 'writer' | 'editor'

type Rule = { from: WorkflowState[]; to: WorkflowState; by: Actor[]; action: string }

/**
 * Every move an editor or writer may make. Admins may make any move; marketers none.
 * "writer" means the article's own author (an editor may also make the writer's moves).
 */
export const TRANSITIONS: Rule[] = [
  {
    action: 'レビュー依頼',
    from: ['draft', 'changes_requested'],
    to: 'in_review',
    by: ['writer', 'editor'],
  },
  // the writer takes an article back before an editor has looked at it (to change it more)
  {
    action: 'レビュー依頼を取り下げる',
    from: ['in_review'],
    to: 'draft',
    by: ['writer'],
  },
  {
    action: '差し戻し',
    from: ['in_review', 'approved', 'scheduled'],
    to: 'changes_requested',
    by: ['editor'],
  },
  {
    action: '承認',
    from: ['draft', 'in_review', 'changes_requested'],
    to: 'approved',
    by: ['editor'],
  },
  // an editor's 公開 is also their approval, so it may come from any unpublished state
  {
    action: '公開',
    from: ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled'],
    to: 'published',
    by: ['editor'],
  },
  { action: '予約公開', from: ['approved'], to: 'scheduled', by: ['editor'] },
  { action: '予約を取り消す', from: ['scheduled'], to: 'approved', by: ['editor'] },
  { action: '公開を取り下げる', from: ['published'], to: 'draft', by: ['editor'] },
]

type MaybeUser = Pick<User, 'roles'> | null | undefined

/** The rule that allows this user to move an article from one state to another, if any. */
export function allowedTransition(
  user: MaybeUser,
  from: WorkflowState,
  to: WorkflowState,
  isAuthor: boolean,
): Rule | 'admin' | null {
  if (from === to) return null
  if (isAdminUser(user)) {
    return TRANSITIONS.find((r) => r.to === to && r.from.includes(from)) ?? 'admin'
  }
  const actors: Actor[] = []
  if (isEditorUser(user)) actors.push('editor', 'writer')
  else if (isWriterUser(user) && isAuthor) actors.push('writer')
  return (
    TRANSITIONS.find(
      (r) => r.to === to && r.from.includes(from) && r.by.some((a) => actors.includes(a)),
    ) ?? null
  )
}

/** The moves the admin shows as buttons for this user on an article in this state. */
export function availableTransitions(user: MaybeUser, from: WorkflowState, isAuthor: boolean) {
  return TRANSITIONS.filter(
    (r) => r.from.includes(from) && allowedTransition(user, from, r.to, isAuthor) !== null,
  )
}

/**
 * The one move the edit view offers beside the save button (the top bar's main button), the
 * next step a user is expected to take: publishing for an editor, asking for review for a
 * writer. The sidebar keeps every move. Null when neither is open to this user now.
 */
export function primaryTransition(user: MaybeUser, from: WorkflowState, isAuthor: boolean) {
  const moves = availableTransitions(user, from, isAuthor)
  return moves.find((m) => m.to === 'published') ?? moves.find((m) => m.to === 'in_review') ?? null
}

/** Whether a user may change the text of an article in this state (transitions aside). */
export function mayEditContent(user: MaybeUser, state: WorkflowState, isAuthor: boolean) {
  if (isEditorUser(user)) return true
  // a writer's text is frozen once an editor has approved it; they ask for it back first
  return (
    isWriterUser(user) &&
    isAuthor &&
    (state === 'draft' || state === 'changes_requested' || state === 'in_review')
  )
}

export const transitionRefusal = (from: WorkflowState, to: WorkflowState) =>
  `「${STATE_LABELS[from]}」から「${STATE_LABELS[to]}」へは、あなたの権限では変更できません。`
