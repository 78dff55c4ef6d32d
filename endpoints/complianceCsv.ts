import type { Endpoint } from 'payload'

import { isEditorUser } from '@/access/isEditor'
import { complianceContext, eachProblem, problemsToCsv } from '@/lib/compliance'
import { serverUrl } from '@/lib/env'

/**
 * GET /api/compliance.csv: every compliance problem as a download, for editors and admins.
 * Written a page of problems at a time as the client reads it, so a site with many problems
 * is never held in memory whole.
 */
export const complianceCsv: Endpoint = {
  path: '/compliance.csv',
  method: 'get',
  handler: async (req) => {
    if (!isEditorUser(req.user)) {
      return Response.json(
        { errors: [{ message: 'この操作を行う権限がありません。' }] },
        { status: 403 },
      )
    }
    const ctx = await complianceContext(req.payload)
    const origin = serverUrl(process.env)
    const pages = eachProblem(ctx)
    const encoder = new TextEncoder()
    let first = true
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await pages.next()
        if (next.done) {
          // a site with no problems still gets the header row
          if (first) controller.enqueue(encoder.encode(problemsToCsv([], origin, true)))
          controller.close()
          return
        }
        controller.enqueue(encoder.encode(problemsToCsv(next.value, origin, first)))
        first = false
      },
      async cancel() {
        await pages.return(undefined)
      },
    })
    const date = new Date().toISOString().slice(0, 10)
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="compliance-${date}.csv"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}
