import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`list_publishedAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`list_publishedAt_createdAt_idx\` ON \`article_listings\` (\`list\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`DROP INDEX \`agent_status_submittedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`agent_status_rating_submittedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`agent_status_helpfulCount_submittedAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`agent_status_submittedAt_createdAt_idx\` ON \`reviews\` (\`agent_id\`,\`status\`,\`submitted_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`agent_status_rating_submittedAt_createdAt_idx\` ON \`reviews\` (\`agent_id\`,\`status\`,\`rating\`,\`submitted_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`agent_status_helpfulCount_submittedAt_createdAt_idx\` ON \`reviews\` (\`agent_id\`,\`status\`,\`helpful_count\`,\`submitted_at\`,\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`list_publishedAt_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`list_publishedAt_idx\` ON \`article_listings\` (\`list\`,\`published_at\`);`)
  await db.run(sql`DROP INDEX \`agent_status_submittedAt_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`agent_status_rating_submittedAt_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`agent_status_helpfulCount_submittedAt_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`agent_status_submittedAt_idx\` ON \`reviews\` (\`agent_id\`,\`status\`,\`submitted_at\`);`)
  await db.run(sql`CREATE INDEX \`agent_status_rating_submittedAt_idx\` ON \`reviews\` (\`agent_id\`,\`status\`,\`rating\`,\`submitted_at\`);`)
  await db.run(sql`CREATE INDEX \`agent_status_helpfulCount_submittedAt_idx\` ON \`reviews\` (\`agent_id\`,\`status\`,\`helpful_count\`,\`submitted_at\`);`)
}
