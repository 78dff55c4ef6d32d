import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import {
  EnvError,
  ensurePayloadSecret,
  resolveDatabase,
  resolveMediaDir,
  secureCookies,
  serverUrl,
} from './env'

describe('resolveDatabase', () => {
  it('uses an embedded SQLite file under data/ when DATABASE_URI is unset', () => {
    const db = resolveDatabase({ NODE_ENV: 'production' }, '/srv/app')
    expect(db).toEqual({
      adapter: 'sqlite',
      url: 'file:/srv/app/data/site.db',
      file: '/srv/app/data/site.db',
    })
  })

  it('keeps development on its own file so a dev schema push never marks the production database', () => {
    expect(resolveDatabase({ NODE_ENV: 'development' }, '/srv/app')).toMatchObject({
      file: '/srv/app/data/dev.db',
    })
    expect(resolveDatabase({ DATABASE_URI: '  ' }, '/srv/app')).toMatchObject({ adapter: 'sqlite' })
  })

  it('chooses MongoDB for mongodb:// and mongodb+srv:// URIs', () => {
    expect(resolveDatabase({ DATABASE_URI: 'mongodb://db.internal:27017/career' })).toEqual({
      adapter: 'mongodb',
      url: 'mongodb://db.internal:27017/career',
    })
    expect(
      resolveDatabase({ DATABASE_URI: 'mongodb+srv://user:pw@cluster0.example.net/career' })
        .adapter,
    ).toBe('mongodb')
  })

  it('reads join fields through $lookup unless MONGODB_JOIN_AGGREGATIONS is off', () => {
    const uri = 'mongodb://db.internal:27017/career'
    expect(resolveDatabase({ DATABASE_URI: uri, MONGODB_JOIN_AGGREGATIONS: 'off' })).toEqual({
      adapter: 'mongodb',
      url: uri,
      joinAggregations: false,
    })
    expect(resolveDatabase({ DATABASE_URI: uri, MONGODB_JOIN_AGGREGATIONS: 'ON' })).toMatchObject({
      joinAggregations: true,
    })
    expect(() => resolveDatabase({ DATABASE_URI: uri, MONGODB_JOIN_AGGREGATIONS: 'no' })).toThrow(
      /MONGODB_JOIN_AGGREGATIONS "no" is not usable: set it to on or off/,
    )
  })

  it('accepts file: URIs as another SQLite file, resolved against the working directory', () => {
    expect(resolveDatabase({ DATABASE_URI: 'file:./tmp/x.db' }, '/srv/app')).toMatchObject({
      adapter: 'sqlite',
      file: '/srv/app/tmp/x.db',
    })
  })

  it.each(['postgres://localhost/db', 'localhost:27017', 'mongodb://', 'file:', 'mysql://x'])(
    'refuses %s with one line that says what to set',
    (uri) => {
      expect(() => resolveDatabase({ DATABASE_URI: uri })).toThrow(EnvError)
      expect(() => resolveDatabase({ DATABASE_URI: uri })).toThrow(
        /set it to mongodb:\/\/.*unset it/,
      )
    },
  )
})

describe('resolveMediaDir', () => {
  it('keeps uploads beside each SQLite database and honours MEDIA_DIR', () => {
    expect(resolveMediaDir({ NODE_ENV: 'production' }, '/srv/app')).toBe('/srv/app/data/site-media')
    expect(resolveMediaDir({ DATABASE_URI: 'mongodb://h/db' }, '/srv/app')).toBe('/srv/app/media')
    expect(resolveMediaDir({ MEDIA_DIR: '/var/uploads' }, '/srv/app')).toBe('/var/uploads')
  })
})

describe('ensurePayloadSecret', () => {
  const tempEnvFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'env-')), '.env')

  it('writes a random secret to .env on first start and reuses it afterwards', () => {
    const file = tempEnvFile()
    writeFileSync(file, 'PORT=3000')
    const first: Record<string, string | undefined> = {}
    const created = ensurePayloadSecret(first, file)
    expect(created.generated).toBe(true)
    expect(created.secret).toMatch(/^[0-9a-f]{64}$/)
    expect(readFileSync(file, 'utf8')).toContain('PORT=3000\n')
    expect(readFileSync(file, 'utf8')).toContain(`PAYLOAD_SECRET=${created.secret}`)

    const second: Record<string, string | undefined> = {}
    expect(ensurePayloadSecret(second, file)).toEqual({ secret: created.secret, generated: false })
  })

  it('gives each new clone its own secret', () => {
    expect(ensurePayloadSecret({}, tempEnvFile()).secret).not.toBe(
      ensurePayloadSecret({}, tempEnvFile()).secret,
    )
  })

  it('uses PAYLOAD_SECRET from the environment and refuses a short one in production', () => {
    const file = tempEnvFile()
    expect(ensurePayloadSecret({ PAYLOAD_SECRET: 'x'.repeat(40) }, file)).toEqual({
      secret: 'x'.repeat(40),
      generated: false,
    })
    expect(() =>
      ensurePayloadSecret({ PAYLOAD_SECRET: 'short', NODE_ENV: 'production' }, file),
    ).toThrow(EnvError)
  })
})

describe('serverUrl', () => {
  it('defaults to localhost on PORT and rejects a non-http URL', () => {
    expect(serverUrl({ PORT: '4000' })).toBe('http://localhost:4000')
    expect(serverUrl({ SITE_URL: 'https://career.example/' })).toBe('https://career.example')
    expect(() => serverUrl({ SITE_URL: 'ftp://x' })).toThrow(EnvError)
  })
})

describe('secureCookies', () => {
  it('marks session cookies Secure in production over https only', () => {
    expect(secureCookies({ NODE_ENV: 'production', SITE_URL: 'https://career.example.jp' })).toBe(
      true,
    )
    expect(secureCookies({ NODE_ENV: 'production', SITE_URL: 'http://localhost:3000' })).toBe(false)
    expect(secureCookies({ NODE_ENV: 'development', SITE_URL: 'https://career.example.jp' })).toBe(
      false,
    )
  })
})
