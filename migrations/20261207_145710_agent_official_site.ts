import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`agents_same_as\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`url\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`agents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`agents_same_as_order_idx\` ON \`agents_same_as\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`agents_same_as_parent_id_idx\` ON \`agents_same_as\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`agents\` ADD \`official_url\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`agents_same_as\`;`)
  await db.run(sql`ALTER TABLE \`agents\` DROP COLUMN \`official_url\`;`)
}
