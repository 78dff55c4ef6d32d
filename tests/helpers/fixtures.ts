import { randomBytes } from 'node:crypto'

import sharp from 'sharp'
import type { Payload } from 'payload'

import type { RequiredDataFromCollectionSlug } from 'payload'

import type { Article, User } from '@/payload-types'

type Role = User['roles'][number]
// the generated types name the SQLite id type; nothing here depends on what an id looks like
type Id = Article['id']

/**
 * A short unique suffix so fixtures never collide across tests in one database. Letters only:
 * a run of digits in a review's body can read as a phone number and be refused.
 */
export const unique = () =>
  Array.from(randomBytes(8), (byte) => String.fromCharCode(97 + (byte % 26))).join('')

/** Lexical JSON for a body of plain paragraphs. */
export const lexical = (...children: Record<string, unknown>[]): Article['body'] =>
  ({
    root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children },
  }) as unknown as Article['body']
export const paragraph = (text: string) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
})
export const linkNode = (url: string, text: string) => ({
  type: 'link',
  format: '',
  indent: 0,
  version: 3,
  direction: 'ltr',
  fields: { linkType: 'custom', url, newTab: false },
  children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
})
export const blockNode = (blockType: string, fields: Record<string, unknown>) => ({
  type: 'block',
  version: 2,
  format: '',
  fields: { id: randomBytes(12).toString('hex'), blockName: '', blockType, ...fields },
})

const sys = { overrideAccess: true, depth: 0 } as const

export async function createUser(payload: Payload, role: Role): Promise<User> {
  const id = unique()
  return payload.create({
    ...sys,
    collection: 'users',
    data: {
      email: `${role}-${id}@test.example`,
      password: `pw-${id}-long`,
      displayName: `${role} ${id}`,
      roles: [role],
    },
  })
}

/** One user per role, created fresh for the calling test file. */
export async function createRoleUsers(payload: Payload) {
  const [admin, editor, writer, marketer] = await Promise.all(
    (['admin', 'editor', 'writer', 'marketer'] as const).map((role) => createUser(payload, role)),
  )
  return { admin, editor, writer, marketer }
}

export const createCategory = (payload: Payload) => {
  const s = unique()
  return payload.create({
    ...sys,
    collection: 'categories',
    data: { name: `カテゴリ${s}`, slug: `cat-${s}` },
  })
}

export const agentData = () => {
  const s = unique()
  return {
    name: `テストエージェント${s}`,
    slug: `agent-${s}`,
    kind: 'freelance' as const,
    catchCopy: 'テスト用のキャッチコピー',
    description: 'テスト用の紹介文です。',
    strengths: [{ text: '強み1' }],
  }
}

export const createAgent = (payload: Payload) =>
  payload.create({ ...sys, collection: 'agents', data: agentData() })

export const linkData = (agent: Id) => {
  const s = unique()
  return {
    name: `リンク${s}`,
    slug: `link-${s}`,
    agent,
    asp: 'a8' as const,
    destinationUrl: `https://agent-${s}.example/entry`,
    status: 'active' as const,
  }
}

export const reviewData = (agent: Id, overrides: Record<string, unknown> = {}) =>
  ({
    agent,
    rating: 4,
    title: 'テストの口コミ',
    // each body differs: a copy of another review's body is refused as a duplicate
    body: `担当者の対応が丁寧で、希望に合う案件を短期間で紹介してもらえました。(${unique()})`,
    usage: 'registered',
    ...overrides,
  }) as RequiredDataFromCollectionSlug<'reviews'>

export const articleData = (category: Id, author: Id, overrides: Record<string, unknown> = {}) => {
  const s = unique()
  return {
    title: `テスト記事${s}`,
    slug: `article-${s}`,
    lead: 'テスト用のリード文です。',
    body: lexical(paragraph('本文の段落です。')),
    categories: [category],
    author,
    ...overrides,
  } as RequiredDataFromCollectionSlug<'articles'>
}

export async function pngFile(name = `img-${unique()}.png`) {
  const data = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
  return { data, mimetype: 'image/png', name, size: data.length }
}
