import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { attributeKey, type AttributeGroups } from '../lib/reviewPrivacy'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`review_reports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`review_id\` integer,
  	\`review_title\` text,
  	\`reason\` text NOT NULL,
  	\`note\` text,
  	\`status\` text DEFAULT 'open' NOT NULL,
  	\`reporter_hash\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`review_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`review_reports_review_idx\` ON \`review_reports\` (\`review_id\`);`)
  await db.run(sql`CREATE INDEX \`review_reports_status_idx\` ON \`review_reports\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`review_reports_updated_at_idx\` ON \`review_reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`review_reports_created_at_idx\` ON \`review_reports\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`review_votes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`review_id\` integer NOT NULL,
  	\`reader_key\` text NOT NULL,
  	\`address_key\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`review_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`review_votes_review_idx\` ON \`review_votes\` (\`review_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`review_votes_reader_key_idx\` ON \`review_votes\` (\`reader_key\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`review_votes_address_key_idx\` ON \`review_votes\` (\`address_key\`);`)
  await db.run(sql`CREATE INDEX \`review_votes_updated_at_idx\` ON \`review_votes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`review_votes_created_at_idx\` ON \`review_votes\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`agents\` ADD \`review_attribute_groups\` text;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`helpful_count\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`attribute_key\` text;`)
  await db.run(sql`CREATE INDEX \`reviews_helpful_count_idx\` ON \`reviews\` (\`helpful_count\`);`)
  await db.run(sql`CREATE INDEX \`reviews_attribute_key_idx\` ON \`reviews\` (\`attribute_key\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`review_reports_id\` integer REFERENCES review_reports(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`review_votes_id\` integer REFERENCES review_votes(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`review_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_votes_id_idx\` ON \`payload_locked_documents_rels\` (\`review_votes_id\`);`)
  // each review's attribute combination, and each agent's counts of its approved reviews'
  // combinations (plain SQL: the Local API would write whatever schema is current then)
  const rows = await db.all<{
    id: number
    agent_id: number
    status: string
    age_band: string | null
    gender: string | null
    industry: string | null
    experience_years: string | null
  }>(sql`SELECT \`id\`, \`agent_id\`, \`status\`, \`age_band\`, \`gender\`, \`industry\`,
    \`experience_years\` FROM \`reviews\`;`)
  const groups = new Map<number, AttributeGroups>()
  for (const row of rows) {
    const key = attributeKey({
      ageBand: row.age_band,
      gender: row.gender,
      industry: row.industry,
      experienceYears: row.experience_years,
    })
    await db.run(sql`UPDATE \`reviews\` SET \`attribute_key\` = ${key} WHERE \`id\` = ${row.id};`)
    if (row.status !== 'approved') continue
    const agent = groups.get(row.agent_id) ?? {}
    agent[key] = (agent[key] ?? 0) + 1
    groups.set(row.agent_id, agent)
  }
  for (const [agent, counts] of groups) {
    await db.run(
      sql`UPDATE \`agents\` SET \`review_attribute_groups\` = ${JSON.stringify(counts)} WHERE \`id\` = ${agent};`,
    )
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`review_reports\`;`)
  await db.run(sql`DROP TABLE \`review_votes\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`article_transitions_id\` integer,
  	\`agents_id\` integer,
  	\`reviews_id\` integer,
  	\`review_decisions_id\` integer,
  	\`categories_id\` integer,
  	\`media_id\` integer,
  	\`affiliate_links_id\` integer,
  	\`clicks_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`article_transitions_id\`) REFERENCES \`article_transitions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`agents_id\`) REFERENCES \`agents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reviews_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`review_decisions_id\`) REFERENCES \`review_decisions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`affiliate_links_id\`) REFERENCES \`affiliate_links\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`clicks_id\`) REFERENCES \`clicks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "article_transitions_id", "agents_id", "reviews_id", "review_decisions_id", "categories_id", "media_id", "affiliate_links_id", "clicks_id", "users_id") SELECT "id", "order", "parent_id", "path", "articles_id", "article_transitions_id", "agents_id", "reviews_id", "review_decisions_id", "categories_id", "media_id", "affiliate_links_id", "clicks_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_article_transitions_id_idx\` ON \`payload_locked_documents_rels\` (\`article_transitions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_agents_id_idx\` ON \`payload_locked_documents_rels\` (\`agents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reviews_id_idx\` ON \`payload_locked_documents_rels\` (\`reviews_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_decisions_id_idx\` ON \`payload_locked_documents_rels\` (\`review_decisions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_affiliate_links_id_idx\` ON \`payload_locked_documents_rels\` (\`affiliate_links_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_clicks_id_idx\` ON \`payload_locked_documents_rels\` (\`clicks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`DROP INDEX \`reviews_helpful_count_idx\`;`)
  await db.run(sql`DROP INDEX \`reviews_attribute_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`helpful_count\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`attribute_key\`;`)
  await db.run(sql`ALTER TABLE \`agents\` DROP COLUMN \`review_attribute_groups\`;`)
}
