import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`affiliate_links_alternatives\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`url\` text NOT NULL,
  	\`weight\` numeric DEFAULT 50 NOT NULL,
  	\`label\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`affiliate_links\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`affiliate_links_alternatives_order_idx\` ON \`affiliate_links_alternatives\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`affiliate_links_alternatives_parent_id_idx\` ON \`affiliate_links_alternatives\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`click_rollups\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`day\` text NOT NULL,
  	\`link_id\` integer,
  	\`article_id\` integer,
  	\`placement\` text NOT NULL,
  	\`slot\` text NOT NULL,
  	\`is_bot\` integer DEFAULT false NOT NULL,
  	\`clicks\` numeric DEFAULT 0 NOT NULL,
  	\`uniques\` numeric DEFAULT 0 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`link_id\`) REFERENCES \`affiliate_links\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`click_rollups_key_idx\` ON \`click_rollups\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`click_rollups_day_idx\` ON \`click_rollups\` (\`day\`);`)
  await db.run(sql`CREATE INDEX \`click_rollups_link_idx\` ON \`click_rollups\` (\`link_id\`);`)
  await db.run(sql`CREATE INDEX \`click_rollups_article_idx\` ON \`click_rollups\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`click_rollups_updated_at_idx\` ON \`click_rollups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`click_rollups_created_at_idx\` ON \`click_rollups\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`day_link_idx\` ON \`click_rollups\` (\`day\`,\`link_id\`);`)
  await db.run(sql`CREATE TABLE \`click_deletions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reason\` text NOT NULL,
  	\`from\` text,
  	\`before\` text NOT NULL,
  	\`deleted\` numeric NOT NULL,
  	\`by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`click_deletions_by_idx\` ON \`click_deletions\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`click_deletions_updated_at_idx\` ON \`click_deletions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`click_deletions_created_at_idx\` ON \`click_deletions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`asp_results\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`row_key\` text NOT NULL,
  	\`asp\` text NOT NULL,
  	\`occurred_on\` text NOT NULL,
  	\`status\` text NOT NULL,
  	\`reward\` numeric NOT NULL,
  	\`sub_id\` text,
  	\`order_id\` text,
  	\`program\` text,
  	\`link_id\` integer,
  	\`article_id\` integer,
  	\`placement\` text,
  	\`slot\` text,
  	\`file_name\` text,
  	\`line\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`link_id\`) REFERENCES \`affiliate_links\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`asp_results_row_key_idx\` ON \`asp_results\` (\`row_key\`);`)
  await db.run(sql`CREATE INDEX \`asp_results_occurred_on_idx\` ON \`asp_results\` (\`occurred_on\`);`)
  await db.run(sql`CREATE INDEX \`asp_results_sub_id_idx\` ON \`asp_results\` (\`sub_id\`);`)
  await db.run(sql`CREATE INDEX \`asp_results_link_idx\` ON \`asp_results\` (\`link_id\`);`)
  await db.run(sql`CREATE INDEX \`asp_results_article_idx\` ON \`asp_results\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`asp_results_updated_at_idx\` ON \`asp_results\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`asp_results_created_at_idx\` ON \`asp_results\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`affiliate_settings_sub_ids\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`asp\` text NOT NULL,
  	\`parameter\` text NOT NULL,
  	\`template\` text DEFAULT '{click}' NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`affiliate_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`affiliate_settings_sub_ids_order_idx\` ON \`affiliate_settings_sub_ids\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`affiliate_settings_sub_ids_parent_id_idx\` ON \`affiliate_settings_sub_ids\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`affiliate_settings_result_imports\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`asp\` text NOT NULL,
  	\`date_column\` text NOT NULL,
  	\`sub_id_column\` text NOT NULL,
  	\`status_column\` text NOT NULL,
  	\`reward_column\` text NOT NULL,
  	\`order_id_column\` text,
  	\`program_column\` text,
  	\`pending_words\` text DEFAULT '発生,未確定',
  	\`confirmed_words\` text DEFAULT '確定,承認',
  	\`rejected_words\` text DEFAULT '否認,非承認,キャンセル',
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`affiliate_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`affiliate_settings_result_imports_order_idx\` ON \`affiliate_settings_result_imports\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`affiliate_settings_result_imports_parent_id_idx\` ON \`affiliate_settings_result_imports\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`affiliate_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`click_retention_months\` numeric DEFAULT 25 NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`affiliate_links\` ADD \`primary_weight\` numeric DEFAULT 100;`)
  await db.run(sql`ALTER TABLE \`affiliate_links\` ADD \`sub_id_template\` text;`)
  await db.run(sql`ALTER TABLE \`affiliate_links\` ADD \`landing_url\` text;`)
  await db.run(sql`ALTER TABLE \`affiliate_links\` ADD \`health_http_status\` numeric;`)
  await db.run(sql`ALTER TABLE \`affiliate_links\` ADD \`health_final_url\` text;`)
  await db.run(sql`ALTER TABLE \`affiliate_links\` ADD \`health_duration_ms\` numeric;`)
  await db.run(sql`ALTER TABLE \`affiliate_links\` ADD \`health_state\` text;`)
  await db.run(sql`CREATE INDEX \`affiliate_links_health_state_idx\` ON \`affiliate_links\` (\`health_state\`);`)
  await db.run(sql`ALTER TABLE \`clicks\` ADD \`click_id\` text;`)
  await db.run(sql`ALTER TABLE \`clicks\` ADD \`slot\` text;`)
  await db.run(sql`ALTER TABLE \`clicks\` ADD \`sub_id\` text;`)
  await db.run(sql`CREATE INDEX \`clicks_click_id_idx\` ON \`clicks\` (\`click_id\`);`)
  await db.run(sql`CREATE INDEX \`clicks_sub_id_idx\` ON \`clicks\` (\`sub_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`click_rollups_id\` integer REFERENCES click_rollups(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`click_deletions_id\` integer REFERENCES click_deletions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`asp_results_id\` integer REFERENCES asp_results(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_click_rollups_id_idx\` ON \`payload_locked_documents_rels\` (\`click_rollups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_click_deletions_id_idx\` ON \`payload_locked_documents_rels\` (\`click_deletions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_asp_results_id_idx\` ON \`payload_locked_documents_rels\` (\`asp_results_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`affiliate_links_alternatives\`;`)
  await db.run(sql`DROP TABLE \`click_rollups\`;`)
  await db.run(sql`DROP TABLE \`click_deletions\`;`)
  await db.run(sql`DROP TABLE \`asp_results\`;`)
  await db.run(sql`DROP TABLE \`affiliate_settings_sub_ids\`;`)
  await db.run(sql`DROP TABLE \`affiliate_settings_result_imports\`;`)
  await db.run(sql`DROP TABLE \`affiliate_settings\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
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
  	\`review_reports_id\` integer,
  	\`review_votes_id\` integer,
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
  	FOREIGN KEY (\`review_reports_id\`) REFERENCES \`review_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`review_votes_id\`) REFERENCES \`review_votes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`affiliate_links_id\`) REFERENCES \`affiliate_links\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`clicks_id\`) REFERENCES \`clicks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "article_transitions_id", "agents_id", "reviews_id", "review_decisions_id", "review_reports_id", "review_votes_id", "categories_id", "media_id", "affiliate_links_id", "clicks_id", "users_id") SELECT "id", "order", "parent_id", "path", "articles_id", "article_transitions_id", "agents_id", "reviews_id", "review_decisions_id", "review_reports_id", "review_votes_id", "categories_id", "media_id", "affiliate_links_id", "clicks_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`review_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_votes_id_idx\` ON \`payload_locked_documents_rels\` (\`review_votes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_affiliate_links_id_idx\` ON \`payload_locked_documents_rels\` (\`affiliate_links_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_clicks_id_idx\` ON \`payload_locked_documents_rels\` (\`clicks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`DROP INDEX \`affiliate_links_health_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`affiliate_links\` DROP COLUMN \`primary_weight\`;`)
  await db.run(sql`ALTER TABLE \`affiliate_links\` DROP COLUMN \`sub_id_template\`;`)
  await db.run(sql`ALTER TABLE \`affiliate_links\` DROP COLUMN \`landing_url\`;`)
  await db.run(sql`ALTER TABLE \`affiliate_links\` DROP COLUMN \`health_http_status\`;`)
  await db.run(sql`ALTER TABLE \`affiliate_links\` DROP COLUMN \`health_final_url\`;`)
  await db.run(sql`ALTER TABLE \`affiliate_links\` DROP COLUMN \`health_duration_ms\`;`)
  await db.run(sql`ALTER TABLE \`affiliate_links\` DROP COLUMN \`health_state\`;`)
  await db.run(sql`DROP INDEX \`clicks_click_id_idx\`;`)
  await db.run(sql`DROP INDEX \`clicks_sub_id_idx\`;`)
  await db.run(sql`ALTER TABLE \`clicks\` DROP COLUMN \`click_id\`;`)
  await db.run(sql`ALTER TABLE \`clicks\` DROP COLUMN \`slot\`;`)
  await db.run(sql`ALTER TABLE \`clicks\` DROP COLUMN \`sub_id\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
}
