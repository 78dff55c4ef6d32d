import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`clicks\` ADD \`destination\` text;`)
  await db.run(sql`ALTER TABLE \`clicks\` ADD \`article_id\` integer REFERENCES articles(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`clicks\` ADD \`visitor_key\` text;`)
  await db.run(sql`CREATE INDEX \`clicks_article_idx\` ON \`clicks\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`clicks_visitor_key_idx\` ON \`clicks\` (\`visitor_key\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_clicks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`link_id\` integer NOT NULL,
  	\`placement\` text,
  	\`device_class\` text,
  	\`is_bot\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`link_id\`) REFERENCES \`affiliate_links\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_clicks\`("id", "link_id", "placement", "device_class", "is_bot", "updated_at", "created_at") SELECT "id", "link_id", "placement", "device_class", "is_bot", "updated_at", "created_at" FROM \`clicks\`;`)
  await db.run(sql`DROP TABLE \`clicks\`;`)
  await db.run(sql`ALTER TABLE \`__new_clicks\` RENAME TO \`clicks\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`clicks_link_idx\` ON \`clicks\` (\`link_id\`);`)
  await db.run(sql`CREATE INDEX \`clicks_placement_idx\` ON \`clicks\` (\`placement\`);`)
  await db.run(sql`CREATE INDEX \`clicks_is_bot_idx\` ON \`clicks\` (\`is_bot\`);`)
  await db.run(sql`CREATE INDEX \`clicks_updated_at_idx\` ON \`clicks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`clicks_created_at_idx\` ON \`clicks\` (\`created_at\`);`)
}
