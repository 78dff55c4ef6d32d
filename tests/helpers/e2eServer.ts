// Starts the site for the browser tests exactly as `npm start` does, on a database that is
// created fresh for every run (data/e2e/, never the developer's data/site.db).
import { rmSync } from 'node:fs'
import path from 'node:path'

rmSync(path.resolve('data/e2e'), { recursive: true, force: true })
await import('../../scripts/start')
