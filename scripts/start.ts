// npm start: the one command that takes a fresh clone to a running site with demo content.
// It checks the environment, builds when the build is missing or older than the sources,
// seeds an empty database (applying the committed migrations on the way), then serves.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

import nextEnv from '@next/env'

import { DEMO_USERS } from './seed/data/people'
import { EnvError, ensurePayloadSecret, resolveDatabase, serverUrl } from '../lib/env'
import { clearRuntimeCaches } from '../lib/runtimeCaches'
import { JOBS_INTERVAL_MS, JOBS_QUEUE, jobsRunnerToken } from '../lib/jobsRunner'

const root = process.cwd()
Object.assign(process.env, { NODE_ENV: 'production' })

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`)
  process.exit(1)
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env })
  if (result.status !== 0)
    fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`)
}

const SOURCE_DIRS = [
  'app',
  'blocks',
  'collections',
  'components',
  'globals',
  'lib',
  'migrations',
  'access',
]
const SOURCE_FILES = [
  'payload.config.ts',
  'next.config.mjs',
  'package-lock.json',
  'payload-types.ts',
]

function newestSourceTime(): number {
  let newest = 0
  const visit = (p: string) => {
    if (!existsSync(p)) return
    const stat = statSync(p)
    // a folder's time changes when a file is added, moved or removed in it
    newest = Math.max(newest, stat.mtimeMs)
    if (stat.isDirectory()) for (const entry of readdirSync(p)) visit(path.join(p, entry))
  }
  for (const dir of SOURCE_DIRS) visit(path.join(root, dir))
  for (const file of SOURCE_FILES) visit(path.join(root, file))
  return newest
}

try {
  const { generated } = ensurePayloadSecret(process.env)
  if (generated)
    console.log(
      '• PAYLOAD_SECRET was not set: a random one was written to .env (keep that file private).',
    )
  nextEnv.loadEnvConfig(root)
  const db = resolveDatabase(process.env)
  serverUrl(process.env)
  console.log(
    db.adapter === 'sqlite'
      ? `• Database: SQLite at ${path.relative(root, db.file)}`
      : '• Database: MongoDB',
  )
} catch (error) {
  if (error instanceof EnvError) fail(error.message)
  throw error
}

const buildId = path.join(root, '.next', 'BUILD_ID')
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceTime()) {
  console.log(
    '• Building the site (first start or changed sources; a few minutes on a small machine)…',
  )
  run(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'])
}

console.log('• Preparing the database (migrations, demo content if empty)…')
run(process.execPath, [
  '--conditions=production',
  '--import',
  'tsx',
  path.join(root, 'scripts/seed.ts'),
  '--if-empty',
])

// cold runtime caches on every start (lib/runtimeCaches.ts says why)
clearRuntimeCaches(root)

const SERVER_HEAP_MB_DEFAULT = 768
const port = process.env.PORT || '3000'
const host = process.env.HOST || '0.0.0.0'
const url = process.env.SITE_URL || `http://localhost:${port}`
// Next's request handler behind the reader-page cache (scripts/server.ts, lib/pageCache.ts),
// with a fixed ceiling on V8's old generation (SERVER_HEAP_MB, default SERVER_HEAP_MB_DEFAULT):
// without one, V8 on a large machine lets garbage pile up towards a 4 GB heap before it
// collects in earnest (measured: 1.6 GB RSS after 30,000 requests, 300 MB of it alive). Every
// cache in the process is bounded far below it (bench/README.md, "Memory").
const heapMB = Number(process.env.SERVER_HEAP_MB) || SERVER_HEAP_MB_DEFAULT
const server = spawn(
  process.execPath,
  [`--max-old-space-size=${heapMB}`, '--import', 'tsx', path.join(root, 'scripts/server.ts')],
  {
    stdio: 'inherit',
    // PORT is read back by the server (the /go/ route renders the site's 404 page through it)
    env: { ...process.env, PORT: port, HOST: host },
  },
)

// As soon as the server listens, and then every few seconds, ask it to run the jobs that are
// due (scheduled publishing); see lib/jobsRunner.ts for why this goes through a request.
const jobsUrl = `http://127.0.0.1:${port}/api/payload-jobs/run?queue=${JOBS_QUEUE}&limit=20`
const runJobs = () =>
  fetch(jobsUrl, { headers: { Authorization: `Bearer ${jobsRunnerToken()}` } }).then(
    (res) => res.status < 500,
    () => false,
  )
void (async () => {
  for (let i = 0; i < 300 && !(await runJobs()); i++) {
    await new Promise((r) => setTimeout(r, 1000))
  }
  setInterval(() => void runJobs(), JOBS_INTERVAL_MS)
})()

const demoPasswordSet = Boolean(process.env.DEMO_PASSWORD)
console.log(`
  サイト:     ${url}
  管理画面:   ${url}/admin
  デモ用ログイン(初回起動時に作成):
${DEMO_USERS.map((u) => `    ${u.roles[0].padEnd(9)} ${u.email.padEnd(22)} ${demoPasswordSet ? '(DEMO_PASSWORD)' : u.password}`).join('\n')}
`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
