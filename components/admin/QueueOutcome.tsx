/**
 * What the moderator's last action did, above a review-queue table, or above its empty state
 * when that action handled the last row (the refresh replaces the table, not this).
 */
export function QueueOutcome({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null
  return (
    <p
      role={message.ok ? 'status' : 'alert'}
      className={message.ok ? 'review-queue__ok' : 'review-queue__error'}
    >
      {message.text}
    </p>
  )
}
