import config from '@payload-config'
import { REST_DELETE, REST_GET } from '@payloadcms/next/routes'

import { guardApiRoute } from '@/lib/apiRouteGuard'

/** What the REST API answered: its status and JSON body. */
export type RestAnswer = {
  status: number
  body: { errors?: { message?: unknown }[]; docs?: Record<string, unknown>[]; totalDocs?: number }
}

// the handler the site's /api route exports (app/(payload)/api/[...slug]/route.ts), run
// in-process with the route parameters Next would give it
const GET = guardApiRoute(REST_GET(config))
const DELETE = guardApiRoute(REST_DELETE(config))

/** A GET to the REST API (`articles?where…`) as the site's /api route answers it. */
export async function rest(
  query: string,
  token?: string,
  method: 'GET' | 'DELETE' = 'GET',
): Promise<RestAnswer> {
  const url = new URL(`http://localhost/api/${query}`)
  const slug = url.pathname.split('/').slice(2).map(decodeURIComponent)
  const response = await (method === 'GET' ? GET : DELETE)(
    new Request(url, { method, headers: token ? { Authorization: `JWT ${token}` } : {} }),
    { params: Promise.resolve({ slug }) },
  )
  return { status: response.status, body: (await response.json()) as RestAnswer['body'] }
}
