// npm run backup [-- --out <folder>]: an online, consistent copy of the embedded database and
// its uploads into a new timestamped folder (data/backups/ by default), while the site serves.
import path from 'node:path'
import { parseArgs } from 'node:util'

import nextEnv from '@next/env'

import { backupSqlite } from '../lib/backup'
import { resolveDatabase, resolveMediaDir } from '../lib/env'

nextEnv.loadEnvConfig(process.cwd())
const { values } = parseArgs({ options: { out: { type: 'string' } } })
const db = resolveDatabase(process.env)
if (db.adapter !== 'sqlite') {
  console.error(
    'MongoDB のバックアップには mongodump(またはホスティングのスナップショット)を使います。README の「Durability and backup」を参照してください。',
  )
  process.exit(1)
}
const outDir = path.resolve(values.out ?? path.join(path.dirname(db.file), 'backups'))
const started = Date.now()
const { folder, manifest } = await backupSqlite({
  dbFile: db.file,
  mediaDir: resolveMediaDir(process.env),
  outDir,
})
const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0)
console.log(
  `• バックアップしました: ${path.relative(process.cwd(), folder)}(${Object.keys(manifest.tables).length} テーブル・${rows} 行、アップロード${manifest.media ? 'あり' : 'なし'}、${Date.now() - started} ms)`,
)
