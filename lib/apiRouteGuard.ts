// A thin wrapper around Payload's REST and GraphQL route handlers for what Payload answers
// with a 5xx although the request is at fault: a body that does not parse as the JSON or
// multipart form it claims to be (Payload: 500), and an address with no endpoint (Payload:
// 501 "Cannot GET <the server's own URL>"). Both become a short 4xx.

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT'])

const refusal = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })

/** Why a request body cannot be what its Content-Type says, or null. */
export async function malformedBody(request: Request): Promise<string | null> {
  if (!BODY_METHODS.has(request.method) || !request.body) return null
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  try {
    if (type.startsWith('multipart/form-data')) {
      await request.clone().formData()
    } else if (type.startsWith('application/json')) {
      const text = await request.clone().text()
      if (text.trim()) JSON.parse(text)
    }
  } catch {
    return type.startsWith('multipart/')
      ? '送信されたフォームの形式が正しくありません。'
      : '送信されたJSONの形式が正しくありません。'
  }
  return null
}

/** Wraps one of Payload's route handlers (REST_GET, GRAPHQL_POST …). */
export function guardApiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const malformed = await malformedBody(request)
    if (malformed) return refusal(400, malformed)
    const response = await handler(request, context)
    if (response.status === 501) return refusal(404, 'このURLのAPIはありません。')
    return response
  }
}
