import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

// The admin's list of articles (a collection with drafts) reads the versions table: the latest
// version of each article, in the list's order (newest published first by default, or last
// edited). Payload indexes `latest` and each date alone, so SQLite picked `latest` and sorted
// every article's full row (body and relations included) to show ten: 0.3 s at 10,000
// articles, growing with the archive. With (latest, date) it reads the first ten in order.
// `latest` is not a field, so a collection's `indexes` cannot name it; the index is added to
// Payload's Drizzle schema here, and the migrations create it. MongoDB reads the same list by
// the date's own index and needs nothing more.

export const withVersionListIndexes: SQLiteSchemaHook = ({ schema, extendTable }) => {
  const versions = schema.tables._articles_v
  if (!versions) return schema
  extendTable({
    table: versions,
    // the columns by their schema keys (field paths), not their SQL names
    extraConfig: (t) => ({
      latestPublished: index('_articles_v_latest_published_idx').on(
        t.latest!,
        t.version_publishedAt!,
      ),
      latestUpdated: index('_articles_v_latest_updated_idx').on(t.latest!, t.version_updatedAt!),
      // the dashboards' panels: the latest versions in one workflow state, oldest edit or
      // soonest schedule first
      latestStateUpdated: index('_articles_v_latest_state_updated_idx').on(
        t.latest!,
        t.version_workflowState!,
        t.version_updatedAt!,
      ),
      latestStateScheduled: index('_articles_v_latest_state_scheduled_idx').on(
        t.latest!,
        t.version_workflowState!,
        t.version_scheduledAt!,
      ),
    }),
  })
  return schema
}
