import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// Each upload's uses on public pages (lib/mediaUses.ts), counted once for the uploads already
// stored: the published articles whose dependsOn.media holds it, and the agents whose logo it
// is. One statement through the rels and logo indexes; the hooks keep the counts from here on.
export async function backfillMediaUses(db: MigrateUpArgs['db']): Promise<void> {
  await db.run(sql`UPDATE \`media\` SET \`public_uses\` =
    (SELECT count(DISTINCT r.\`parent_id\`) FROM \`articles_rels\` r
      JOIN \`articles\` a ON a.\`id\` = r.\`parent_id\`
      WHERE r.\`media_id\` = \`media\`.\`id\` AND r.\`path\` = 'dependsOn.media'
        AND a.\`_status\` = 'published')
    + (SELECT count(*) FROM \`agents\` WHERE \`agents\`.\`logo_id\` = \`media\`.\`id\`);`)
}

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`checks_missing_references\` numeric DEFAULT 0;`)
  await db.run(sql`CREATE INDEX \`articles_checks_checks_missing_references_idx\` ON \`articles\` (\`checks_missing_references\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_checks_missing_references\` numeric DEFAULT 0;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_checks_version_checks_missing_refere_idx\` ON \`_articles_v\` (\`version_checks_missing_references\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`public_uses\` numeric DEFAULT 0;`)
  await db.run(sql`CREATE INDEX \`media_public_uses_idx\` ON \`media\` (\`public_uses\`);`)
  await backfillMediaUses(db)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_checks_checks_missing_references_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`checks_missing_references\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_checks_version_checks_missing_refere_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_checks_missing_references\`;`)
  await db.run(sql`DROP INDEX \`media_public_uses_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`public_uses\`;`)
}
