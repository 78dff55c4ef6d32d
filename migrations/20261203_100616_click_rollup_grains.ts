import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`day_link_idx\`;`)
  await db.run(sql`ALTER TABLE \`click_rollups\` ADD \`grain\` text DEFAULT 'day' NOT NULL;`)
  await db.run(sql`CREATE INDEX \`grain_day_isBot_link_clicks_uniques_idx\` ON \`click_rollups\` (\`grain\`,\`day\`,\`is_bot\`,\`link_id\`,\`clicks\`,\`uniques\`);`)
  await db.run(sql`CREATE INDEX \`grain_day_isBot_placement_slot_article_clicks_uniques_idx\` ON \`click_rollups\` (\`grain\`,\`day\`,\`is_bot\`,\`placement\`,\`slot\`,\`article_id\`,\`clicks\`,\`uniques\`);`)
  // the block and month rows of the clicks already counted (lib/clicks/grains.ts: blocks start
  // on the 1st, 8th, 15th and 22nd; keys are grain:first-day|the day row's key after its day)
  for (const [grain, bucket] of [
    [
      'block',
      `substr(day, 1, 8) || CASE WHEN cast(substr(day, 9, 2) AS integer) >= 22 THEN '22' WHEN cast(substr(day, 9, 2) AS integer) >= 15 THEN '15' WHEN cast(substr(day, 9, 2) AS integer) >= 8 THEN '08' ELSE '01' END`,
    ],
    ['month', `substr(day, 1, 8) || '01'`],
  ] as const) {
    await db.run(
      sql.raw(`INSERT INTO click_rollups (key, grain, day, link_id, article_id, placement, slot, is_bot, clicks, uniques)
        SELECT '${grain}:' || ${bucket} || substr(key, instr(key, '|')), '${grain}', ${bucket},
          min(link_id), min(article_id), min(placement), min(slot), min(is_bot), sum(clicks), sum(uniques)
        FROM click_rollups WHERE grain = 'day'
        GROUP BY '${grain}:' || ${bucket} || substr(key, instr(key, '|'))`),
    )
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DELETE FROM \`click_rollups\` WHERE \`grain\` <> 'day';`)
  await db.run(sql`DROP INDEX \`grain_day_isBot_link_clicks_uniques_idx\`;`)
  await db.run(sql`DROP INDEX \`grain_day_isBot_placement_slot_article_clicks_uniques_idx\`;`)
  await db.run(sql`CREATE INDEX \`day_link_idx\` ON \`click_rollups\` (\`day\`,\`link_id\`);`)
  await db.run(sql`ALTER TABLE \`click_rollups\` DROP COLUMN \`grain\`;`)
}
