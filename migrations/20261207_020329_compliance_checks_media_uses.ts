import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`checks_missing_references\` numeric DEFAULT 0;`)
  await db.run(sql`CREATE INDEX \`articles_checks_checks_missing_references_idx\` ON \`articles\` (\`checks_missing_references\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_checks_missing_references\` numeric DEFAULT 0;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_checks_version_checks_missing_refere_idx\` ON \`_articles_v\` (\`version_checks_missing_references\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`public_uses\` numeric DEFAULT 0;`)
  await db.run(sql`CREATE INDEX \`media_public_uses_idx\` ON \`media\` (\`public_uses\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_checks_checks_missing_references_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`checks_missing_references\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_checks_version_checks_missing_refere_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_checks_missing_references\`;`)
  await db.run(sql`DROP INDEX \`media_public_uses_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`public_uses\`;`)
}
