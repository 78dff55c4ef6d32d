import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`reader_key\` text;`)
  await db.run(sql`CREATE INDEX \`readerKey_submittedAt_idx\` ON \`reviews\` (\`reader_key\`,\`submitted_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`readerKey_submittedAt_idx\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`reader_key\`;`)
}
