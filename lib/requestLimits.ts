import type { IncomingMessage } from 'node:http'

// What the production server refuses before a request reaches Next or Payload, without
// reading its body: a body larger than the endpoint needs (413), a body of unstated length
// (411: every browser states it; a chunked stream cannot be bounded before it is read) and a
// path that is no valid percent-encoded URL (400: Next answers those with a 500).

/** 5 MB: a photo for the web (the media collection refuses larger files too). */
export const MEDIA_MAX_BYTES = 5 * 1024 * 1024

export const BODY_LIMITS = {
  /** JSON, forms, GraphQL, server actions: a long article's Lexical JSON is ~0.3 MB */
  default: 2 * 1024 * 1024,
  /** an upload to the media collection: the file and its form fields */
  upload: MEDIA_MAX_BYTES + 512 * 1024,
} as const

// media uploads and ASP results CSVs (lib/aspResults.ts, at most MEDIA_MAX_BYTES too)
const UPLOAD_PATH = /^\/api\/(?:media(?:\/[^/]+)?|asp-results\/import)\/?$/

export type Refusal = {
  status: 400 | 411 | 413
  message: string
  /** the request's body is left unread, so its connection cannot carry another request */
  bodyUnread: boolean
}

/** The body size a request may carry. */
export function bodyLimit(method: string, pathname: string): number {
  return (method === 'POST' || method === 'PATCH' || method === 'PUT') && UPLOAD_PATH.test(pathname)
    ? BODY_LIMITS.upload
    : BODY_LIMITS.default
}

const hasBody = (req: Pick<IncomingMessage, 'headers'>) =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')

/** Why a request is refused before it is read, or null. */
export function refuseBeforeReading(
  req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>,
): Refusal | null {
  const [pathname = '/'] = (req.url ?? '/').split('?', 1)
  try {
    decodeURIComponent(pathname)
  } catch {
    return { status: 400, message: 'URLの形式が正しくありません。', bodyUnread: hasBody(req) }
  }
  if (!hasBody(req)) return null
  const length = req.headers['content-length']
  if (length === undefined) {
    return {
      status: 411,
      message: 'リクエストの長さ(Content-Length)を指定してください。',
      bodyUnread: true,
    }
  }
  const bytes = Number(length)
  const limit = bodyLimit(req.method ?? 'GET', pathname)
  if (!Number.isFinite(bytes) || bytes < 0) {
    return { status: 400, message: 'リクエストの長さが正しくありません。', bodyUnread: true }
  }
  if (bytes > limit) {
    return {
      status: 413,
      message: `送信されたデータが大きすぎます(上限 ${Math.floor(limit / 1024 / 1024)}MB)。`,
      bodyUnread: true,
    }
  }
  return null
}
