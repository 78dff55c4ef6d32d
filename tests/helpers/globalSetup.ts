import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

// Every test run gets its own database and upload folder, removed afterwards; the developer's
// data/ is never touched.
export default function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'career-media-int-'))
  process.env.DATABASE_URI = `file:${path.join(dir, 'test.db')}`
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.PAYLOAD_SECRET ||= 'integration-tests-only-secret-0123456789abcdef'
  process.env.SITE_URL ||= 'http://localhost:3000'
  return () => rmSync(dir, { recursive: true, force: true })
}
