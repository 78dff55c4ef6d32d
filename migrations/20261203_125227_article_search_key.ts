import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

import { foldForSearch } from '../lib/search'

// The folded search key (ＰＭＯ finds PMO), filled in for the articles and versions already
// stored, the way the articles' beforeChange hook fills it on every save.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`search_key\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_search_key\` text;`)
  const articles = await db.all<{ id: number; text: string }>(
    sql`SELECT \`id\`, coalesce(\`title\`, '') || char(10) || coalesce(\`lead\`, '') || char(10) || coalesce(\`search_text\`, '') AS \`text\` FROM \`articles\`;`,
  )
  for (const { id, text } of articles) {
    await db.run(sql`UPDATE \`articles\` SET \`search_key\` = ${foldForSearch(text)} WHERE \`id\` = ${id};`)
  }
  const versions = await db.all<{ id: number; text: string }>(
    sql`SELECT \`id\`, coalesce(\`version_title\`, '') || char(10) || coalesce(\`version_lead\`, '') || char(10) || coalesce(\`version_search_text\`, '') AS \`text\` FROM \`_articles_v\`;`,
  )
  for (const { id, text } of versions) {
    await db.run(
      sql`UPDATE \`_articles_v\` SET \`version_search_key\` = ${foldForSearch(text)} WHERE \`id\` = ${id};`,
    )
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`search_key\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_search_key\`;`)
}
