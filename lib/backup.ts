import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { searchIndexFile } from './searchIndex/sqlite'
import { createSqliteClient } from './sqliteClient'

// Online backup and restore of the embedded database and its uploads (npm run backup,
// npm run restore). The copy of the database is made by SQLite itself (VACUUM INTO: one read
// transaction, so a consistent snapshot even while the site writes; never a plain copy of a
// live WAL database). With MongoDB use the database's own tools (README, "Durability and backup").

export type BackupManifest = {
  createdAt: string
  database: string
  /** rows per table, for a quick look and for the round-trip check */
  tables: Record<string, number>
  sha256: string
  media: boolean
}

/** The pid file the server writes while it serves a database (scripts/server.ts). */
export const pidFileOf = (dbFile: string) => `${dbFile}.server.pid`

/** The pid of a live server process on this database, if any (a stale file counts as none). */
export function runningServer(dbFile: string): number | null {
  const file = pidFileOf(dbFile)
  if (!existsSync(file)) return null
  const pid = Number(readFileSync(file, 'utf8').trim())
  if (!Number.isInteger(pid) || pid <= 0) return null
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return null
  }
}

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex')

async function tableCounts(dbFile: string): Promise<Record<string, number>> {
  const client = createSqliteClient(`file:${dbFile}`)
  try {
    const { rows } = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    const counts: Record<string, number> = {}
    for (const row of rows) {
      const name = String(row.name)
      const result = await client.execute(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`)
      counts[name] = Number(result.rows[0]?.n ?? 0)
    }
    return counts
  } finally {
    client.close()
  }
}

/** A timestamped folder name, sortable: 2026-12-03T13-40-05Z. */
export const backupFolderName = (now = new Date()) =>
  now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')

/**
 * Copies the database (consistently, while it may be in use) and the media folder into a new
 * folder under `outDir`. Returns the folder.
 */
export async function backupSqlite(options: {
  dbFile: string
  mediaDir: string
  outDir: string
  now?: Date
}): Promise<{ folder: string; manifest: BackupManifest }> {
  const folder = path.join(options.outDir, backupFolderName(options.now))
  if (existsSync(folder)) throw new Error(`${folder} はすでにあります`)
  await mkdir(folder, { recursive: true })
  const target = path.join(folder, 'site.db')
  const client = createSqliteClient(`file:${options.dbFile}`)
  try {
    await client.execute('PRAGMA busy_timeout = 5000')
    await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
  } finally {
    client.close()
  }
  const media = existsSync(options.mediaDir)
  if (media) await cp(options.mediaDir, path.join(folder, 'media'), { recursive: true })
  const manifest: BackupManifest = {
    createdAt: (options.now ?? new Date()).toISOString(),
    database: path.basename(options.dbFile),
    tables: await tableCounts(target),
    sha256: await sha256(target),
    media,
  }
  await writeFile(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return { folder, manifest }
}

/**
 * Puts a backup in place of the database and media folder. Refuses while a server runs on
 * the database unless `force` (the running server would keep writing to the replaced file).
 * The copy is checked against its manifest first, and swapped in by rename, so a failure
 * leaves the current database as it was.
 */
export async function restoreSqlite(options: {
  folder: string
  dbFile: string
  mediaDir: string
  force?: boolean
}): Promise<BackupManifest> {
  const manifestFile = path.join(options.folder, 'manifest.json')
  const source = path.join(options.folder, 'site.db')
  if (!existsSync(manifestFile) || !existsSync(source)) {
    throw new Error(
      `${options.folder} はバックアップのフォルダではありません(manifest.json と site.db が必要です)`,
    )
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest
  if ((await sha256(source)) !== manifest.sha256) {
    throw new Error(
      'バックアップの site.db が manifest.json の sha256 と一致しません(壊れているか、書き換えられています)',
    )
  }
  const pid = runningServer(options.dbFile)
  if (pid !== null && !options.force) {
    throw new Error(
      `このデータベースを使っているサーバーが動いています(pid ${pid})。止めてから復元するか、--force を付けてください。`,
    )
  }
  await mkdir(path.dirname(options.dbFile), { recursive: true })
  const staged = `${options.dbFile}.restore-${process.pid}`
  await cp(source, staged)
  // the old database's WAL and shared-memory files belong to the old file
  for (const suffix of ['-wal', '-shm', '-journal'])
    await rm(`${options.dbFile}${suffix}`, { force: true })
  await rename(staged, options.dbFile)
  // the search index was built from the replaced database: the next start builds it anew
  const index = searchIndexFile(options.dbFile)
  for (const suffix of ['', '-wal', '-shm']) await rm(`${index}${suffix}`, { force: true })
  if (manifest.media) {
    const stagedMedia = `${options.mediaDir}.restore-${process.pid}`
    await rm(stagedMedia, { recursive: true, force: true })
    await cp(path.join(options.folder, 'media'), stagedMedia, { recursive: true })
    await rm(options.mediaDir, { recursive: true, force: true })
    await rename(stagedMedia, options.mediaDir)
  }
  return manifest
}
