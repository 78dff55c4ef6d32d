import type { TaskConfig } from 'payload'

import { revalidateAgentPages } from '@/collections/Agents/hooks/revalidateAgent'
import { monthsBefore } from '@/lib/facts'
import { eachPage } from '@/lib/pageRows'
import { JOBS_QUEUE } from '@/lib/jobsRunner'
import { getFactsPolicy } from '@/lib/queries/siteSettings'

/** Facts that passed the age limit within this many days are expired again (a missed night). */
const WINDOW_DAYS = 3

/**
 * Every night: a fact that has just passed the site's age limit changes what readers must see
 * (the 「情報が古い可能性があります」 note, or no fact), though nothing was saved. The pages
 * that show those agents (their page and the articles with their cards and tables) are
 * expired so the next reader gets them with the note.
 */
export const expireAgedFacts: TaskConfig<'expireAgedFacts'> = {
  slug: 'expireAgedFacts',
  label: 'エージェント情報の期限切れ反映',
  retries: 1,
  // 00:05 in Japan on a server in UTC (Payload reads the cron in the server's time zone)
  schedule: [{ cron: '5 15 * * *', queue: JOBS_QUEUE }],
  outputSchema: [{ name: 'agents', type: 'number', required: true }],
  handler: async ({ req }) => {
    const { maxAgeMonths } = await getFactsPolicy()
    const limit = monthsBefore(new Date(), maxAgeMonths)
    const since = new Date(limit.getTime() - WINDOW_DAYS * 86_400_000)
    let crossed = 0
    await eachPage(
      req.payload,
      {
        collection: 'agents',
        where: {
          and: [
            { 'facts.asOf': { greater_than_equal: since.toISOString() } },
            { 'facts.asOf': { less_than: limit.toISOString() } },
          ],
        },
        sort: 'id',
        depth: 0,
        select: { slug: true, facts: true },
        overrideAccess: true,
        req,
      },
      async (docs) => {
        // the two conditions may hold for different facts of one agent: checked per fact here
        for (const agent of docs) {
          const aged = (agent.facts ?? []).some((fact) => {
            const at = new Date(fact.asOf)
            return at >= since && at < limit
          })
          if (!aged) continue
          crossed += 1
          await revalidateAgentPages(req, agent.id, [agent.slug])
        }
      },
    )
    return { output: { agents: crossed } }
  },
}
