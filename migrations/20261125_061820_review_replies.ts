import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`reply_author\` text;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`reply_text\` text;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`reply_replied_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`reply_author\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`reply_text\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`reply_replied_at\`;`)
}
