import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`users\` ADD \`profile_slug\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_profile_slug_idx\` ON \`users\` (\`profile_slug\`);`)
  await db.run(sql`CREATE INDEX \`author__status_publishedAt_createdAt_idx\` ON \`articles\` (\`author_id\`,\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`supervisor__status_publishedAt_createdAt_idx\` ON \`articles\` (\`supervisor_id\`,\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_2_idx\` ON \`_articles_v\` (\`version_author_id\`,\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_3_idx\` ON \`_articles_v\` (\`version_supervisor_id\`,\`version__status\`,\`version_published_at\`,\`version_created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`author__status_publishedAt_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`supervisor__status_publishedAt_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_2_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_3_idx\`;`)
  await db.run(sql`DROP INDEX \`users_profile_slug_idx\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`profile_slug\`;`)
}
