import type { Endpoint } from 'payload'

import { CACHE_EXPIRE_PURPOSE } from '@/lib/cacheSettle'
import { hasInternalToken } from '@/lib/internalToken'
import { revalidatePaths, revalidateTags } from '@/lib/revalidate'

const strings = (value: unknown, max: number): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.length <= 300).slice(0, max)
    : []

/**
 * POST /api/cache/expire: the production server's second expiry of a change's tags and paths
 * once the readers that overlapped the change have finished (lib/cacheSettle.ts). Next can
 * only expire its caches from inside a request, so the server calls itself. Only with the
 * server's own token.
 */
export const expireCache: Endpoint = {
  path: '/cache/expire',
  method: 'post',
  handler: async (req) => {
    if (!hasInternalToken(req, CACHE_EXPIRE_PURPOSE)) {
      return Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })
    }
    const body = (await req.json?.().catch(() => null)) as {
      tags?: unknown
      paths?: unknown
    } | null
    const context = { settling: true }
    revalidateTags(strings(body?.tags, 5_000), context)
    revalidatePaths(strings(body?.paths, 100), context)
    return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } })
  },
}
