import { rmSync } from 'node:fs'
import path from 'node:path'

/**
 * Each start begins with cold runtime caches: the database may have changed while the server
 * was down (seed, migrations, a restore, writes whose cache expiry died with a crashed
 * process), and only changes made through a running server expire cached pages. Build output
 * is untouched. Called by scripts/start.ts, and by the crash drill when it restarts the server.
 */
export function clearRuntimeCaches(root: string): void {
  for (const dir of ['.next/cache/fetch-cache', '.next/server/route-cache']) {
    rmSync(path.join(root, dir), { recursive: true, force: true })
  }
}
