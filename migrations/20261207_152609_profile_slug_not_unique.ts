import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`users_profile_slug_idx\`;`)
  await db.run(sql`CREATE INDEX \`users_profile_slug_idx\` ON \`users\` (\`profile_slug\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`users_profile_slug_idx\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_profile_slug_idx\` ON \`users\` (\`profile_slug\`);`)
}
