import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { en } from '@payloadcms/translations/languages/en'
import { ja } from '@payloadcms/translations/languages/ja'
import { buildConfig, type Config, type DatabaseAdapterObj } from 'payload'
import sharp from 'sharp'

import { isAdminUser } from './access/isAdmin'
import { adminJapanese } from './lib/adminJapanese'
import { withRateLimitsTable } from './lib/rateLimitStore'
import { withVersionListIndexes } from './lib/versionListIndexes'

import { AffiliateLinks } from './collections/AffiliateLinks'
import { Agents } from './collections/Agents'
import { ArticleListings } from './collections/ArticleListings'
import { ArticleTransitions } from './collections/ArticleTransitions'
import { Articles } from './collections/Articles'
import { Categories } from './collections/Categories'
import { ReviewDecisions } from './collections/ReviewDecisions'
import { ReviewReports } from './collections/ReviewReports'
import { ReviewVotes } from './collections/ReviewVotes'
import { AspResults } from './collections/AspResults'
import { ClickDeletions } from './collections/ClickDeletions'
import { ClickRollups } from './collections/ClickRollups'
import { ClickVisitors } from './collections/ClickVisitors'
import { Clicks } from './collections/Clicks'
import { Media } from './collections/Media'
import { Reviews } from './collections/Reviews'
import { Users } from './collections/Users'
import { complianceCsv } from './endpoints/complianceCsv'
import { clickReportCsv } from './endpoints/clickEndpoints'
import { expireCache } from './endpoints/expireCache'
import {
  rebuildArticleChecksEndpoint,
  rebuildMediaUsesEndpoint,
} from './endpoints/rebuildMediaUses'
import { checkLinks } from './jobs/checkLinks'
import { deleteExpiredClicks } from './jobs/deleteExpiredClicks'
import { expireAgedFacts } from './jobs/expireAgedFacts'
import { publishScheduledArticle } from './jobs/publishScheduledArticle'
import { rebuildArticleChecks } from './jobs/rebuildArticleChecks'
import { rebuildMediaUses } from './jobs/rebuildMediaUses'
import { rebuildReviewSearch } from './jobs/rebuildReviewSearch'
import { isJobsRunner } from './lib/jobsRunner'
import { AffiliateSettings } from './globals/AffiliateSettings'
import { SiteSettings } from './globals/SiteSettings'
import { ensurePayloadSecret, resolveDatabase, serverUrl } from './lib/env'
import { articleEditor } from './lib/editor'
import { graphqlLimitsRule } from './lib/graphqlLimits'
import { MEDIA_MAX_BYTES } from './lib/requestLimits'
import { migrations } from './migrations'
import { migrations as mongoMigrations } from './migrations-mongodb'
import { createSqliteClient } from './lib/sqliteClient'
import { checkSqliteSettings, WAL_JOURNAL_SIZE_LIMIT } from './lib/sqliteSettings'
import { mongoTransactionWarning } from './lib/mongoSettings'
import { restoreValidationAnswer } from './lib/payloadErrors'
import { plugins } from './plugins'
import { ensureSearchIndex } from './lib/searchIndex'
import { ensureReviewSearch } from './lib/searchIndex/reviews'
import { ensureListings } from './lib/articleListings'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const database = resolveDatabase(process.env)
const origin = serverUrl(process.env)

function databaseAdapter(): DatabaseAdapterObj {
  if (database.adapter === 'mongodb') {
    return mongooseAdapter({
      url: database.url,
      // MongoDB's own migrations (data only; the SQLite ones in migrations/ are SQL)
      migrationDir: path.resolve(dirname, 'migrations-mongodb'),
      prodMigrations: mongoMigrations,
      // Payload's default unless MONGODB_JOIN_AGGREGATIONS says otherwise (lib/env.ts)
      useJoinAggregations: database.joinAggregations,
      // fail in seconds with a clear error instead of mongoose's 30 s default
      // an acknowledged write is on a majority of the replica set and in its journal
      connectOptions: {
        serverSelectionTimeoutMS: 5000,
        writeConcern: { w: 'majority', journal: true, wtimeoutMS: 10_000 },
      },
    })
  }
  // SQLite does not create a missing folder. turbopackIgnore: a file call on a path the build
  // cannot know made `next build` trace, and read into memory, every file of the project (a
  // 3 GB file in an unrelated folder added 3 GB to the build); the same on lib/env.ts's .env
  // and the media handler's file
  mkdirSync(/* turbopackIgnore: true */ path.dirname(database.file), { recursive: true })
  const sqlite = sqliteAdapter({
    client: { url: database.url },
    migrationDir: path.resolve(dirname, 'migrations'),
    // production has no schema push: the committed migrations build the schema on first start
    prodMigrations: migrations,
    // the table of the stored rate limits (lib/rateLimitStore.ts)
    // the admin's article list read in order (lib/versionListIndexes.ts)
    afterSchemaInit: [withRateLimitsTable, withVersionListIndexes],
    // Payload's SQLite adapter runs every operation without a transaction unless this is set:
    // a save that failed halfway (a hook throwing after the row was written) stayed half-done.
    // The client (lib/sqliteClient.ts) opens each one BEGIN IMMEDIATE on a pooled connection.
    transactionOptions: { behavior: 'immediate' },
  })
  return {
    ...sqlite,
    // the adapter connects with the client it is given (better-sqlite3, lib/sqliteClient.ts,
    // instead of libsql, whose driver leaks memory on every statement). The client puts the
    // database in WAL mode and gives every connection a busy timeout and synchronous FULL.
    init: (args) => {
      const adapter = sqlite.init(args)
      ;(adapter as { client?: unknown }).client = createSqliteClient(database.url, {
        wal: { journalSizeLimit: WAL_JOURNAL_SIZE_LIMIT },
      })
      return adapter
    },
  }
}

export default buildConfig({
  serverURL: origin,
  admin: {
    user: Users.slug,
    importMap: { baseDir: path.resolve(dirname) },
    meta: { titleSuffix: ' | キャリアしるべ 管理画面' },
    // the built-in avatar: Gravatar would send staff e-mail hashes to a third party
    avatar: 'default',
    dateFormat: 'yyyy/MM/dd HH:mm',
    components: {
      beforeDashboard: ['/components/admin/WorkflowDashboard#WorkflowDashboard'],
      // the admin opened at another address than SITE_URL: say so before anything fails
      beforeLogin: ['/components/admin/OriginNotice#OriginNotice'],
      header: ['/components/admin/OriginNotice#OriginNotice'],
      afterNavLinks: ['/components/admin/ComplianceNavLink#ComplianceNavLink'],
      views: {
        compliance: {
          Component: '/components/admin/ComplianceView#ComplianceView',
          path: '/compliance',
        },
        clickReport: {
          Component: '/components/admin/ClickReportView#ClickReportView',
          path: '/click-report',
        },
        reviewQueue: {
          Component: '/components/admin/ReviewQueueView#ReviewQueueView',
          path: '/review-queue',
        },
      },
    },
  },
  i18n: {
    supportedLanguages: { ja, en },
    fallbackLanguage: 'ja',
    // Payload's Japanese without English placeholders or spaced particles (lib/adminJapanese.ts)
    translations: { ja: adminJapanese(ja) },
  },
  collections: [
    Articles,
    ArticleTransitions,
    ArticleListings,
    Agents,
    Reviews,
    ReviewDecisions,
    ReviewReports,
    ReviewVotes,
    Categories,
    Media,
    AffiliateLinks,
    Clicks,
    ClickRollups,
    ClickVisitors,
    ClickDeletions,
    AspResults,
    Users,
  ],
  // the SEO and redirects plugins, and the API query guard on every collection
  plugins,
  globals: [SiteSettings, AffiliateSettings],
  editor: articleEditor,
  secret: ensurePayloadSecret(process.env).secret,
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
    // the committed types are the SQLite schema's (number ids); generated against MongoDB they
    // would be rewritten with string ids by every non-production start
    autoGenerate: database.adapter === 'sqlite',
  },
  db: databaseAdapter(),
  csrf: [origin],
  cors: [origin],
  sharp,
  graphQL: {
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
    // Payload counts every field once; graphqlLimitsRule also weighs lists by their page size
    maxComplexity: 500,
    validationRules: (args) => [graphqlLimitsRule(args.variableValues ?? undefined)],
  },
  // uploads over this size are refused before they are stored (the server refuses larger
  // request bodies before reading them: lib/requestLimits.ts)
  upload: { limits: { fileSize: MEDIA_MAX_BYTES } },
  endpoints: [
    complianceCsv,
    clickReportCsv,
    expireCache,
    rebuildMediaUsesEndpoint,
    rebuildArticleChecksEndpoint,
  ],
  jobs: {
    tasks: [
      publishScheduledArticle,
      checkLinks,
      deleteExpiredClicks,
      expireAgedFacts,
      rebuildMediaUses,
      rebuildReviewSearch,
      rebuildArticleChecks,
    ],
    access: {
      // the server's own runner (scripts/start.ts) with its token, or an admin
      run: ({ req }) => isJobsRunner(req) || isAdminUser(req.user),
      queue: ({ req }) => isAdminUser(req.user),
      cancel: ({ req }) => isAdminUser(req.user),
    },
  },
  hooks: {
    // Field messages in every REST answer to a validation error, whichever layer's copy of
    // Payload's error class threw it (lib/payloadErrors.ts says why they differ).
    afterError: [
      ({ error, result }) => {
        const response = restoreValidationAnswer(error, result)
        return response === result ? undefined : { response: response as typeof result }
      },
    ],
  },
  // Refusals the site means (a writer's publish attempt, 403; deleting an agent a published page
  // shows, 409; a rate limit, 429) are PublicErrors: logged as what they are, one info line with
  // the message and no stack, so an alert on ERROR means something broke. Payload already does
  // the same for its own Forbidden, NotFound and ValidationError. (Payload types the keys as its
  // own error names; its logError looks them up by `error.name`.)
  loggingLevels: { PublicError: 'info' } as unknown as Config['loggingLevels'],
  onInit: async (payload) => {
    const where =
      database.adapter === 'sqlite'
        ? `SQLite (${path.relative(process.cwd(), database.file)})`
        : 'MongoDB'
    payload.logger.info(`Database: ${where}`)
    if (database.adapter === 'sqlite') await checkSqliteSettings(payload)
    const transactions = mongoTransactionWarning(payload)
    if (transactions) payload.logger.warn(transactions)
    await ensureSearchIndex(payload)
    await ensureReviewSearch(payload)
    const listed = await ensureListings(payload)
    if (listed) payload.logger.info(`Listings: built for ${listed} published articles`)
  },
})
