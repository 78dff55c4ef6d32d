import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { reviewFingerprint } from '../lib/reviewFingerprint'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`rate_limits\` (
  	\`key\` text PRIMARY KEY NOT NULL,
  	\`points\` integer DEFAULT 0 NOT NULL,
  	\`expire\` integer
  );
  `)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`sub_ratings_offers\` numeric;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`sub_ratings_consultant\` numeric;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`sub_ratings_proposal\` numeric;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`sub_ratings_support\` numeric;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`used_year\` numeric;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`used_month\` numeric;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`rewarded\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`source\` text DEFAULT 'editor';`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`signals_recent_from_submitter\` numeric;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`signals_similarity\` numeric;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`signals_banned_words\` text;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`body_fingerprint\` text;`)
  // 利用結果 has four steps now: the two "did it" answers become one
  await db.run(
    sql`UPDATE \`reviews\` SET \`usage\` = 'joined' WHERE \`usage\` IN ('joined_project', 'changed_jobs');`,
  )
  // existing reviews get their duplicate key, so a reader cannot post a copy of one; where two
  // already share one, the later keeps none (an editor sees both in the list)
  const rows = await db.all<{ id: number; body: string }>(
    sql`SELECT \`id\`, \`body\` FROM \`reviews\` ORDER BY \`id\`;`,
  )
  const seen = new Set<string>()
  for (const row of rows) {
    const fingerprint = reviewFingerprint(row.body ?? '')
    if (seen.has(fingerprint)) continue
    seen.add(fingerprint)
    await db.run(
      sql`UPDATE \`reviews\` SET \`body_fingerprint\` = ${fingerprint} WHERE \`id\` = ${row.id};`,
    )
  }
  await db.run(sql`CREATE UNIQUE INDEX \`reviews_body_fingerprint_idx\` ON \`reviews\` (\`body_fingerprint\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`review_moderation_banned_words\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`UPDATE \`reviews\` SET \`usage\` = 'changed_jobs' WHERE \`usage\` = 'joined';`)
  await db.run(
    sql`UPDATE \`reviews\` SET \`usage\` = 'registered' WHERE \`usage\` IN ('interviewed', 'offered');`,
  )
  await db.run(sql`DROP TABLE \`rate_limits\`;`)
  await db.run(sql`DROP INDEX \`reviews_body_fingerprint_idx\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`sub_ratings_offers\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`sub_ratings_consultant\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`sub_ratings_proposal\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`sub_ratings_support\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`used_year\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`used_month\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`rewarded\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`source\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`signals_recent_from_submitter\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`signals_similarity\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`signals_banned_words\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`body_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`review_moderation_banned_words\`;`)
}
