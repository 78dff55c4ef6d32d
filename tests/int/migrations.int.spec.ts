import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import { describe, expect, it } from 'vitest'

import { migrations as mongoMigrations } from '@/migrations-mongodb'
import { articleData, createCategory, createUser } from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'
import { runsOn } from '@/tests/helpers/testDatabase'

const run = promisify(execFile)

// Production builds its schema only from the committed migrations, so a collection change
// without a new migration would break `npm start` on a fresh database. This catches it.
describe.runIf(runsOn('sqlite', 'the SQLite schema against its committed migrations'))(
  'committed SQLite migrations',
  () => {
    it('describe exactly the schema the collections define', async () => {
      const payload = await getTestPayload()
      const db = payload.db as unknown as {
        name: string
        schema: unknown
        requireDrizzleKit: () => {
          generateDrizzleJson: (schema: unknown) => Promise<unknown>
          generateMigration: (before: unknown, after: unknown) => Promise<string[]>
        }
      }
      expect(db.name).toBe('sqlite')
      const dir = path.resolve('migrations')
      const latest = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .at(-1)
      expect(latest, 'no migration snapshot in migrations/').toBeTruthy()
      const before = JSON.parse(readFileSync(path.join(dir, latest as string), 'utf8'))
      const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
      const pending = await generateMigration(before, await generateDrizzleJson(db.schema))
      expect(pending, 'run `npm run payload migrate:create` and commit the migration').toEqual([])
    })
  },
)

// MongoDB takes its schema from the collections; its migrations (migrations-mongodb/) move data
// that older databases lack. They are its own: the SQLite ones are SQL and would crash there.
describe.runIf(runsOn('mongodb', "MongoDB's own migrations"))('MongoDB migrations', () => {
  const dir = path.resolve('migrations-mongodb')

  it('are read from their own folder, every file listed once', async () => {
    const payload = await getTestPayload()
    expect(payload.db.migrationDir).toBe(dir)
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
    expect(mongoMigrations.map((m) => m.name)).toEqual(files.sort())
  })

  it('npm run payload migrate:status lists them, not the SQLite ones', async () => {
    const { stdout } = await run(
      process.execPath,
      [path.resolve('node_modules/payload/bin.js'), 'migrate:status'],
      {
        env: { ...process.env, NODE_OPTIONS: '--conditions=production', NODE_ENV: 'test' },
        timeout: 90_000,
      },
    )
    for (const { name } of mongoMigrations) expect(stdout).toContain(name)
    expect(stdout).not.toContain('initial')
  }, 120_000)

  it('give articles stored before the workflow their workflow state', async () => {
    const payload = await getTestPayload()
    const [published, draft] = await Promise.all(
      (['published', 'draft'] as const).map(async (status) => {
        const category = await createCategory(payload)
        const author = await createUser(payload, 'editor')
        return payload.create({
          collection: 'articles',
          data: { ...articleData(category.id, author.id), _status: status },
          draft: status === 'draft',
          overrideAccess: true,
          depth: 0,
        })
      }),
    )
    // as a database from before the workflow holds them: no state on the article or its versions
    const db = payload.db as unknown as MongooseAdapter
    const ids = [published.id, draft.id]
    await db.collections.articles.updateMany(
      { _id: { $in: ids } },
      { $unset: { workflowState: '' } },
    )
    await db.versions.articles.updateMany(
      { parent: { $in: ids } },
      { $unset: { 'version.workflowState': '' } },
    )
    const stateOf = async (id: string | number) =>
      ((await db.collections.articles.findById(id).lean()) as { workflowState?: string } | null)
        ?.workflowState
    expect(await stateOf(published.id)).toBeUndefined()

    const backfill = mongoMigrations.find((m) => m.name.endsWith('_workflow_state'))!
    await backfill.up({ payload, req: {} as never, session: undefined })

    expect(await stateOf(published.id)).toBe('published')
    expect(await stateOf(draft.id)).toBe('draft')
    // the dashboard's filter finds the published one again
    const found = await payload.find({
      collection: 'articles',
      where: {
        and: [{ id: { equals: published.id } }, { workflowState: { equals: 'published' } }],
      },
      overrideAccess: true,
      depth: 0,
    })
    expect(found.totalDocs).toBe(1)
    const versions = await db.versions.articles
      .find({ parent: { $in: ids }, 'version.workflowState': { $exists: false } })
      .lean()
    expect(versions).toEqual([])
  })
})
