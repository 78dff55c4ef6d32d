import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'
import { createLocalReq } from 'payload'

import { rebuildMediaUses } from '@/lib/mediaUses'

// Uploads stored before media kept their number of public uses have none (lib/mediaUses.ts);
// the SQLite migration 20261207_020329_compliance_checks_media_uses counts them in one
// statement. Here every upload is recounted through the Local API, 100 at a time. Outside the
// migration's transaction: a recount is right whenever it runs, and a large media collection
// would outlast MongoDB's transaction time limit.
export async function up({ payload }: MigrateUpArgs): Promise<void> {
  await rebuildMediaUses(await createLocalReq({}, payload))
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // the counts are what the hooks would have written; nothing to undo
}
