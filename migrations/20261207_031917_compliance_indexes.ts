import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`checks_promotes\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`_status_updatedAt_idx\` ON \`articles\` (\`_status\`,\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_checks_missingReferences_idx\` ON \`articles\` (\`_status\`,\`checks_missing_references\`);`)
  await db.run(sql`CREATE INDEX \`_status_checks_promotes_promotional_idx\` ON \`articles\` (\`_status\`,\`checks_promotes\`,\`promotional\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_checks_promotes\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`version__status_version_updatedAt_idx\` ON \`_articles_v\` (\`version__status\`,\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_checks_missingReferences_idx\` ON \`_articles_v\` (\`version__status\`,\`version_checks_missing_references\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_checks_promotes_version_promotio_idx\` ON \`_articles_v\` (\`version__status\`,\`version_checks_promotes\`,\`version_promotional\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_state_updated_idx\` ON \`_articles_v\` (\`latest\`,\`version_workflow_state\`,\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_state_scheduled_idx\` ON \`_articles_v\` (\`latest\`,\`version_workflow_state\`,\`version_scheduled_at\`);`)
  // every save so far kept the PR label equal to what it is derived from (computePromotional)
  await db.run(sql`UPDATE \`articles\` SET \`checks_promotes\` = \`promotional\`;`)
  await db.run(sql`UPDATE \`_articles_v\` SET \`version_checks_promotes\` = \`version_promotional\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_updatedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_checks_missingReferences_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_checks_promotes_promotional_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`checks_promotes\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_updatedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_checks_missingReferences_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_checks_promotes_version_promotio_idx\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_latest_state_updated_idx\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_latest_state_scheduled_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_checks_promotes\`;`)
}
