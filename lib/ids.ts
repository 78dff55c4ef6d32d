/**
 * A document id as a string, from a bare id or a populated document, so ids compare the same
 * way whatever the database (SQLite numbers, MongoDB ObjectId strings).
 */
export const idString = (value: unknown): string | undefined => {
  if (value && typeof value === 'object' && 'id' in value) return String(value.id)
  return value === null || value === undefined || value === '' ? undefined : String(value)
}

/** The id of a relationship value, populated or not (typed as the related document's id). */
export const relationId = <T extends { id: unknown }>(
  ref: T | T['id'] | null | undefined,
): T['id'] | undefined =>
  ref && typeof ref === 'object' ? (ref as T).id : ((ref ?? undefined) as T['id'] | undefined)
