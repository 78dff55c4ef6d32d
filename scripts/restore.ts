// npm run restore -- <backup folder> [--force]: puts a backup made by npm run backup in place of
// the embedded database and its uploads. Refuses while a server runs on that database unless
// --force; start the site again afterwards (npm start) and it serves the restored copy.
import path from 'node:path'
import { parseArgs } from 'node:util'

import nextEnv from '@next/env'

import { restoreSqlite } from '../lib/backup'
import { resolveDatabase, resolveMediaDir } from '../lib/env'

nextEnv.loadEnvConfig(process.cwd())
const { values, positionals } = parseArgs({
  options: { force: { type: 'boolean', default: false } },
  allowPositionals: true,
})
const folder = positionals[0]
if (!folder) {
  console.error(
    '復元するバックアップのフォルダを指定してください: npm run restore -- data/backups/<日時>',
  )
  process.exit(1)
}
const db = resolveDatabase(process.env)
if (db.adapter !== 'sqlite') {
  console.error(
    'MongoDB の復元には mongorestore を使います。README の「Durability and backup」を参照してください。',
  )
  process.exit(1)
}
try {
  const manifest = await restoreSqlite({
    folder: path.resolve(folder),
    dbFile: db.file,
    mediaDir: resolveMediaDir(process.env),
    force: values.force,
  })
  console.log(
    `• ${manifest.createdAt} のバックアップを ${path.relative(process.cwd(), db.file)} に復元しました。npm start で起動してください。`,
  )
} catch (error) {
  console.error(`• 復元できませんでした: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
