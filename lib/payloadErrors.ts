/**
 * Payload's errors recognised by their shape, never by `instanceof`.
 *
 * Why: the production build holds Payload's modules once per Next layer (route handlers, and
 * pages with their server actions), while the Payload instance is one per process, made by
 * whichever layer asked first. An error thrown by that instance is then of the other layer's
 * class as often as not, so `error instanceof ValidationError` is false for a real validation
 * error: Payload's own error formatter dropped the field messages from the REST answer (the
 * admin showed only 「次のフィールドは無効です」), and our duplicate checks took a duplicate for a
 * crash. Which layer came first depends on the first request a process gets.
 */

export type FieldError = { path: string; message: string }

type PayloadErrorShape = Error & {
  status?: unknown
  data?: { errors?: unknown; collection?: unknown; global?: unknown; id?: unknown } | null
}

/** The field errors of a Payload validation error (thrown by any copy of its class). */
export function fieldErrorsOf(error: unknown): FieldError[] | undefined {
  if (!(error instanceof Error)) return undefined
  const { status, data } = error as PayloadErrorShape
  if (status !== 400 || !data || !Array.isArray(data.errors)) return undefined
  const errors = data.errors.filter(
    (e): e is FieldError =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as FieldError).path === 'string' &&
      typeof (e as FieldError).message === 'string',
  )
  return errors.length === data.errors.length ? errors : undefined
}

/** Whether the error is a validation error on one of these fields. */
export const isFieldError = (error: unknown, ...paths: string[]) =>
  fieldErrorsOf(error)?.some((e) => paths.includes(e.path)) ?? false

/** The HTTP status a Payload error carries (Forbidden 403, NotFound 404…), if any. */
export function statusOf(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined
  const { status } = error as PayloadErrorShape
  return typeof status === 'number' ? status : undefined
}

/**
 * The REST answer Payload means to give a validation error, whichever copy of its class the
 * error is: `{ errors: [{ name, data, message }] }`, as its formatter writes it when its own
 * `instanceof` holds. Anything else is left as Payload formatted it.
 */
export function restoreValidationAnswer<T>(
  error: unknown,
  formatted: T,
): T | { errors: unknown[] } {
  const fields = fieldErrorsOf(error)
  if (!fields) return formatted
  const { data, message } = error as PayloadErrorShape
  return { errors: [{ name: 'ValidationError', data, message }] }
}
