import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, appendFileSync } from 'node:fs'
import path from 'node:path'

export type DatabaseChoice =
  | { adapter: 'sqlite'; url: string; file: string }
  | { adapter: 'mongodb'; url: string; joinAggregations?: boolean }

/** Thrown for a malformed environment; the message is the one line an operator needs. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EnvError'
  }
}

// The database's file and the media folder are runtime places, never part of the build. The
// bundler reads path.join/path.resolve calls on process.cwd() as file references and traces
// every file that could match into the build (data/** held a 7 GB database: the build read it
// whole into memory). These bound copies do the same at runtime and are opaque to that analysis.
const joinPath = path.join.bind(path)
const resolvePath = path.resolve.bind(path)

/**
 * Picks the database from DATABASE_URI: unset → embedded SQLite under data/,
 * mongodb:// or mongodb+srv:// → MongoDB, file: → that SQLite file. Anything else is refused.
 * With MongoDB, MONGODB_JOIN_AGGREGATIONS=off reads join fields with one query per join instead
 * of a $lookup pipeline (for servers whose $lookup lacks pipelines; Payload's default is on).
 */
export function resolveDatabase(
  env: Record<string, string | undefined>,
  cwd: string = process.cwd(),
): DatabaseChoice {
  const raw = env.DATABASE_URI?.trim()
  if (!raw) {
    // development and production never share a file: a dev schema push marks the database
    // and later makes migrations stop at an interactive prompt
    const name = env.NODE_ENV === 'production' ? 'site.db' : 'dev.db'
    const file = joinPath(cwd, 'data', name)
    return { adapter: 'sqlite', url: `file:${file}`, file }
  }
  if (/^mongodb(\+srv)?:\/\/[^/\s]+/.test(raw)) {
    const joins = env.MONGODB_JOIN_AGGREGATIONS?.trim().toLowerCase()
    if (!joins) return { adapter: 'mongodb', url: raw }
    if (!['on', 'off'].includes(joins))
      throw new EnvError(
        `MONGODB_JOIN_AGGREGATIONS "${joins.slice(0, 20)}" is not usable: set it to on or off, or unset it for Payload's default (on).`,
      )
    return { adapter: 'mongodb', url: raw, joinAggregations: joins === 'on' }
  }
  if (/^file:.+/.test(raw)) {
    const file = resolvePath(cwd, raw.slice('file:'.length))
    return { adapter: 'sqlite', url: `file:${file}`, file }
  }
  throw new EnvError(
    `DATABASE_URI "${raw.slice(0, 40)}" is not usable: set it to mongodb://host:27017/dbname ` +
      `(or mongodb+srv://…), to file:path/to/site.db for another SQLite file, or unset it for the embedded database.`,
  )
}

/**
 * Where uploads are stored: MEDIA_DIR, or beside the SQLite file (data/site-media for
 * data/site.db) so that each database keeps its own files, or media/ with MongoDB.
 */
export function resolveMediaDir(
  env: Record<string, string | undefined>,
  cwd: string = process.cwd(),
): string {
  if (env.MEDIA_DIR?.trim()) return resolvePath(cwd, env.MEDIA_DIR.trim())
  const db = resolveDatabase(env, cwd)
  if (db.adapter === 'sqlite')
    return joinPath(path.dirname(db.file), `${path.basename(db.file, path.extname(db.file))}-media`)
  return joinPath(cwd, 'media')
}

const SECRET_MIN_LENGTH = 32

/**
 * Returns PAYLOAD_SECRET. When it is unset, a random one is written to .env so that a fresh
 * clone starts with no setup and sessions survive restarts; a secret never lives in the code.
 */
export function ensurePayloadSecret(
  env: Record<string, string | undefined> = process.env,
  envFile: string = joinPath(process.cwd(), '.env'),
): { secret: string; generated: boolean } {
  const current = env.PAYLOAD_SECRET?.trim()
  if (current) {
    if (current.length < SECRET_MIN_LENGTH && env.NODE_ENV === 'production') {
      throw new EnvError(
        `PAYLOAD_SECRET is too short: use at least ${SECRET_MIN_LENGTH} characters.`,
      )
    }
    return { secret: current, generated: false }
  }
  const existing = existsSync(/* turbopackIgnore: true */ envFile)
    ? readFileSync(/* turbopackIgnore: true */ envFile, 'utf8')
    : ''
  const match = existing.match(/^PAYLOAD_SECRET=(.+)$/m)
  if (match?.[1]) {
    env.PAYLOAD_SECRET = match[1].trim()
    return { secret: env.PAYLOAD_SECRET, generated: false }
  }
  const secret = randomBytes(32).toString('hex')
  const prefix = existing && !existing.endsWith('\n') ? '\n' : ''
  appendFileSync(
    /* turbopackIgnore: true */ envFile,
    `${prefix}# written on first start; keep it private and stable\nPAYLOAD_SECRET=${secret}\n`,
  )
  env.PAYLOAD_SECRET = secret
  return { secret, generated: true }
}

/** The public origin of the site, used for canonical URLs, CSRF and CORS. */
export function serverUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env.SITE_URL?.trim() || `http://localhost:${env.PORT || 3000}`
  try {
    const url = new URL(raw)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol')
    return url.origin
  } catch {
    throw new EnvError(`SITE_URL "${raw}" is not an http(s) URL, for example https://example.jp`)
  }
}

/**
 * Session cookies are Secure in production whenever the site is served over https (a Secure
 * cookie over plain http would make signing in impossible on a local `npm start`).
 */
export const secureCookies = (env: Record<string, string | undefined> = process.env): boolean =>
  env.NODE_ENV === 'production' && serverUrl(env).startsWith('https://')
