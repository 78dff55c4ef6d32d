import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_articles_v_latest_published_idx\` ON \`_articles_v\` (\`latest\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_updated_idx\` ON \`_articles_v\` (\`latest\`,\`version_updated_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_articles_v_latest_published_idx\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_latest_updated_idx\`;`)
}
