import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { getTestPayload } from '@/tests/helpers/payload'

// Production builds its schema only from the committed migrations, so a collection change
// without a new migration would break `npm start` on a fresh database. This catches it.
describe('committed SQLite migrations', () => {
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
})
