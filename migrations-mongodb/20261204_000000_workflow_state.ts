import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

// Articles stored before the editorial workflow have no workflow state, so the dashboard's
// filters (waiting for review, published, …) miss them. The SQLite migration
// 20261124_103119_workflow_compliance fills the column in; this is the same on MongoDB: published
// articles and published versions become 'published', every other one 'draft' (the field's
// default). Only documents without a state are touched, so it can run on any database.

const unset = { $exists: false }

export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const articles = payload.db.collections.articles
  const versions = payload.db.versions.articles
  await articles.updateMany(
    { _status: 'published', workflowState: unset },
    { $set: { workflowState: 'published' } },
    { session },
  )
  await articles.updateMany(
    { workflowState: unset },
    { $set: { workflowState: 'draft' } },
    { session },
  )
  await versions.updateMany(
    { 'version._status': 'published', 'version.workflowState': unset },
    { $set: { 'version.workflowState': 'published' } },
    { session },
  )
  await versions.updateMany(
    { 'version.workflowState': unset },
    { $set: { 'version.workflowState': 'draft' } },
    { session },
  )
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // the states written are the ones the workflow itself would have given; nothing to undo
}
