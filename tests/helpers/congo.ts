// The MongoDB stand-in (tests/mongo/standin.mjs: CongoDB, a MongoDB-wire-compatible server in
// memory) in a process of its own on a free loopback port. Its packages live in tests/mongo/
// with their own lockfile, out of the app's (`npm run standin:install`).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'

const folder = path.resolve(import.meta.dirname, '../mongo')

/** Starts the stand-in; `uri` has no database name, `stop` ends it. */
export async function startCongo(): Promise<{ uri: string; stop: () => Promise<void> }> {
  if (!existsSync(path.join(folder, 'node_modules/@push.rocks/smartmongo')))
    throw new Error('The MongoDB stand-in is not installed: run `npm run standin:install` first.')
  const child = spawn(process.execPath, [path.join(folder, 'standin.mjs')], {
    cwd: folder,
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const uri = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    const timer = setTimeout(() => reject(new Error('the MongoDB stand-in did not start')), 30_000)
    child.once('exit', (code) => reject(new Error(`the MongoDB stand-in exited (${code})`)))
    lines.on('line', (line) => {
      // the library prints debug lines of its own before the address
      if (!line.startsWith('{"uri"')) return
      clearTimeout(timer)
      resolve((JSON.parse(line) as { uri: string }).uri)
    })
  })
  child.stdout!.resume()
  return {
    uri,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
