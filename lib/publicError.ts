import { APIError } from 'payload'

/**
 * An error whose message is meant for the person who made the request (a refusal with its
 * reason, in Japanese), answered with its status by REST, GraphQL and the admin alike.
 *
 * Why not a bare APIError: Payload's error formatter shows a message only when the error has
 * `data` or a `name`, and the production build minifies class names, so a bare
 * `new APIError(message, 403, null, true)` reached the admin as "An unknown error occurred."
 */
export class PublicError extends APIError {
  constructor(message: string, status: number) {
    super(message, status, null, true)
    this.name = 'PublicError'
  }
}
