import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`status_submittedAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`status_submittedAt_createdAt_updatedAt_idx\` ON \`reviews\` (\`status\`,\`submitted_at\`,\`created_at\`,\`updated_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`status_submittedAt_createdAt_updatedAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`status_submittedAt_idx\` ON \`reviews\` (\`status\`,\`submitted_at\`);`)
}
