import type { Endpoint } from 'payload'

import { isEditorUser } from '@/access/isEditor'
import { findComplianceProblems, problemsToCsv } from '@/lib/compliance'
import { serverUrl } from '@/lib/env'

/** GET /api/compliance.csv: the compliance view as a download, for editors and admins. */
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
    const problems = await findComplianceProblems(req.payload)
    const date = new Date().toISOString().slice(0, 10)
    return new Response(problemsToCsv(problems, serverUrl(process.env)), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="compliance-${date}.csv"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}
