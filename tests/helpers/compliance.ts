import type { Payload } from 'payload'

import { complianceContext, eachProblem, type Problem } from '@/lib/compliance'

/** Every problem on the site, walked page by page as the CSV walks them (tests' databases are small). */
export async function allProblems(payload: Payload, now = new Date()): Promise<Problem[]> {
  const found: Problem[] = []
  for await (const page of eachProblem(await complianceContext(payload, now))) found.push(...page)
  return found
}
