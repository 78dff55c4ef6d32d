import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { expect, test } from '@playwright/test'

// The production build the test server runs (built by tests/helpers/e2eServer.ts) lists, for
// each route, the files it needs at runtime (.next/server/**/*.nft.json). The bundler reads
// every file it lists while building: once, paths built on process.cwd() in lib/env.ts made it
// list everything under data/ (the database of 7 GB, its search index, the uploads) and every
// file of lib/, and `next build` needed as much memory as the database's size. What a route
// needs from the project itself is its migrations and the generated types, nothing else.

const root = process.cwd()
const server = path.join(root, '.next', 'server')

test('the build lists no database, upload or source file among what its routes need', () => {
  const traces = (readdirSync(server, { recursive: true }) as string[]).filter((file) =>
    file.endsWith('.nft.json'),
  )
  expect(traces.length, 'routes with a file trace').toBeGreaterThan(10)
  const projectFiles = new Set<string>()
  for (const trace of traces) {
    const file = path.join(server, trace)
    const { files } = JSON.parse(readFileSync(file, 'utf8')) as { files: string[] }
    for (const listed of files) {
      const relative = path.relative(root, path.resolve(path.dirname(file), listed))
      if (relative.startsWith('node_modules') || relative.startsWith('.next')) continue
      projectFiles.add(relative)
    }
  }
  const unexpected = [...projectFiles].filter(
    (file) => !/^(?:migrations(?:-mongodb)?\/[^/]+\.(?:ts|json)|payload-types\.ts)$/.test(file),
  )
  expect(unexpected).toEqual([])
  // the e2e database and its uploads are under data/ while the test runs
  expect(readdirSync(path.join(root, 'data', 'e2e'))).toContain('site.db')
})
