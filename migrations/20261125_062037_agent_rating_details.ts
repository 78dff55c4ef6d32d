import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { aggregateReviews } from '../lib/reviewAggregates'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`agents\` ADD \`rating_last12_months\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`agents\` ADD \`review_count_last12_months\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`agents\` ADD \`rating_details\` text;`)
  // the new figures of the agents that exist, from their approved reviews (plain SQL here: the
  // Local API would write the columns of whatever schema is current when this runs)
  const rows = await db.all<{
    agent_id: number
    rating: number
    submitted_at: string
    sub_ratings_offers: number | null
    sub_ratings_consultant: number | null
    sub_ratings_proposal: number | null
    sub_ratings_support: number | null
    age_band: string | null
    industry: string | null
    experience_years: string | null
  }>(sql`SELECT \`agent_id\`, \`rating\`, \`submitted_at\`, \`sub_ratings_offers\`,
    \`sub_ratings_consultant\`, \`sub_ratings_proposal\`, \`sub_ratings_support\`, \`age_band\`,
    \`industry\`, \`experience_years\` FROM \`reviews\` WHERE \`status\` = 'approved';`)
  const byAgent = new Map<number, typeof rows>()
  for (const row of rows) byAgent.set(row.agent_id, [...(byAgent.get(row.agent_id) ?? []), row])
  for (const [agent, reviews] of byAgent) {
    const figures = aggregateReviews(
      reviews.map((r) => ({
        rating: r.rating,
        submittedAt: r.submitted_at,
        subRatings: {
          offers: r.sub_ratings_offers,
          consultant: r.sub_ratings_consultant,
          proposal: r.sub_ratings_proposal,
          support: r.sub_ratings_support,
        },
        ageBand: r.age_band,
        industry: r.industry,
        experienceYears: r.experience_years,
      })),
    )
    const details = JSON.stringify({ subRatings: figures.subRatings, bySegment: figures.bySegment })
    await db.run(
      sql`UPDATE \`agents\` SET \`rating_last12_months\` = ${figures.recent.average}, \`review_count_last12_months\` = ${figures.recent.count}, \`rating_details\` = ${details} WHERE \`id\` = ${agent};`,
    )
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`agents\` DROP COLUMN \`rating_last12_months\`;`)
  await db.run(sql`ALTER TABLE \`agents\` DROP COLUMN \`review_count_last12_months\`;`)
  await db.run(sql`ALTER TABLE \`agents\` DROP COLUMN \`rating_details\`;`)
}
