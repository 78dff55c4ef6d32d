import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

// The name of who made each workflow move, kept on the history entry; the entries already
// stored take the person's current name.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`article_transitions\` ADD \`by_name\` text;`)
  await db.run(
    sql`UPDATE \`article_transitions\` SET \`by_name\` = (SELECT \`display_name\` FROM \`users\` WHERE \`users\`.\`id\` = \`article_transitions\`.\`by_id\`) WHERE \`by_id\` IS NOT NULL;`,
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`article_transitions\` DROP COLUMN \`by_name\`;`)
}
