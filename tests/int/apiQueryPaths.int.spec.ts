// Every where path of every public collection, generated from the collections' field trees
// (tests/helpers/fieldPaths.ts), with every operator Payload accepts and a value suited to it,
// through the site's /api handler. Each condition is asked alone and beside an `id` equals,
// which the visitor rules accept, so that it reaches Payload and the database; and as staff,
// whom those rules do not hold back. Every answer is a 200 with the documents the id allows or
// a 400 that says why; never a 500, on SQLite and on MongoDB.
import config from '@payload-config'
import type { Payload } from 'payload'
import { validOperators } from 'payload/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '@/payload-types'
import {
  agentData,
  articleData,
  createCategory,
  createUser,
  pngFile,
  reviewData,
} from '@/tests/helpers/fixtures'
import { fieldPaths, operandFor, whereQuery, type FieldPath } from '@/tests/helpers/fieldPaths'
import { getTestPayload } from '@/tests/helpers/payload'
import { rest, type RestAnswer } from '@/tests/helpers/rest'

let payload: Payload
let editorToken: string
let article: Article
/** each public collection, with the paths it has and a document a visitor may read */
let collections: { slug: string; paths: FieldPath[]; id: string | number }[]

const PASSWORD = 'editor-paths-test-2026'
// what Payload answers for an error it did not expect (in production and in development)
const UNKNOWN_ERRORS = ['An unknown error occurred.', 'Something went wrong.']

beforeAll(async () => {
  payload = await getTestPayload()
  const sys = { overrideAccess: true as const, depth: 0 }
  // one document of each public collection, with its arrays, groups and relationships filled
  // so that the database has rows to join for each kind of path
  const category = await createCategory(payload)
  const editor = await createUser(payload, 'editor')
  const agent = await payload.create({
    ...sys,
    collection: 'agents',
    data: { ...agentData(), facts: [{ label: '案件数', value: '100件', asOf: '2026-01-01' }] },
  })
  await payload.create({
    ...sys,
    collection: 'reviews',
    data: reviewData(agent.id, { status: 'approved' }),
  })
  const image = await payload.create({
    ...sys,
    collection: 'media',
    data: { alt: '図' },
    file: await pngFile(),
  })
  const related = await payload.create({
    ...sys,
    collection: 'articles',
    data: articleData(category.id, editor.id, { _status: 'published' }),
  })
  article = await payload.create({
    ...sys,
    collection: 'articles',
    data: articleData(category.id, editor.id, {
      _status: 'published',
      heroImage: image.id,
      relatedArticles: [related.id],
      meta: { title: 'メタタイトル', image: image.id },
    }),
  })
  await payload.update({
    ...sys,
    collection: 'users',
    id: editor.id,
    data: { password: PASSWORD },
  })
  editorToken = (
    await payload.login({ collection: 'users', data: { email: editor.email, password: PASSWORD } })
  ).token!

  const access = (await rest('access')).body as unknown as {
    // a where of its own beside the permission when the collection is read in part
    collections: Record<string, { read?: boolean | { permission?: boolean } }>
  }
  const awaited = await config
  collections = await Promise.all(
    Object.entries(access.collections)
      .filter(([, { read }]) => read === true || (typeof read === 'object' && read.permission))
      .map(async ([slug]) => {
        const visible = await payload.find({
          collection: slug as 'articles',
          overrideAccess: false,
          depth: 0,
          limit: 1,
        })
        return {
          slug,
          paths: fieldPaths(slug, payload.collections, awaited.blocks),
          id: visible.docs[0]?.id ?? '',
        }
      }),
  )
})

/** What is wrong with an answer, or null: a 200 with documents the id allows, or a 400. */
function problemOf({ status, body }: RestAnswer, narrowedTo?: string | number): string | null {
  if (status === 200) {
    if (!Array.isArray(body.docs)) return '200 without a list of documents'
    const stray = body.docs.find((doc) => String(doc.id) !== String(narrowedTo))
    return narrowedTo !== undefined && stray ? `found ${String(stray.id)} beside the id` : null
  }
  const message = body.errors?.[0]?.message
  if (status === 400 && typeof message === 'string' && message.trim() !== '') {
    return UNKNOWN_ERRORS.includes(message) ? `400 "${message}"` : null
  }
  return `${status} ${JSON.stringify(message)}`
}

type Case = { query: string; narrowedTo?: string | number; token?: string }

/** Runs the cases one after another (one database connection); the failures, each named. */
async function failuresOf(cases: Case[]) {
  const failures: string[] = []
  for (const { query, narrowedTo, token } of cases) {
    const problem = problemOf(await rest(query, token), narrowedTo)
    if (problem) failures.push(`${token ? 'staff ' : ''}${decodeURIComponent(query)}: ${problem}`)
  }
  return failures
}

const list = (slug: string, params: string) => `${slug}?limit=1&depth=0&${params}`
// thousands of requests each: about 15–30 s on a quiet machine, more on a busy one
const MANY = 240_000

describe('every where path × every operator', () => {
  it('generates the paths of every kind of field', () => {
    const slugs = collections.map((c) => c.slug)
    expect(slugs).toEqual(expect.arrayContaining(['articles', 'agents', 'reviews', 'media']))
    for (const { slug, id } of collections) expect(id, `a document of ${slug}`).not.toBe('')
    const articlePaths = collections.find((c) => c.slug === 'articles')!.paths.map((p) => p.path)
    // a group, an array inside a virtual one, rich text's insides, a relationship's subpaths,
    // a join, a group only staff may read, and made-up paths
    for (const path of [
      'meta.title',
      'bylines.name',
      'body.root.children',
      'heroImage.alt',
      'relatedArticles.id',
      'history',
      'dependsOn.agents',
      'constructor.prototype',
    ]) {
      expect(articlePaths).toContain(path)
    }
    const agentPaths = collections.find((c) => c.slug === 'agents')!.paths.map((p) => p.path)
    expect(agentPaths).toEqual(expect.arrayContaining(['strengths.text', 'ratingDetails.key']))
  })

  it(
    'answers a visitor a 200 or a 400 with its reason, alone and beside an id',
    async () => {
      const cases: Case[] = collections.flatMap(({ slug, paths, id }) =>
        paths.flatMap((field) =>
          validOperators.flatMap((op) => {
            const condition = { [field.path]: { [op]: operandFor(op, field, id) } }
            return [
              { query: list(slug, whereQuery(condition)) },
              {
                query: list(slug, whereQuery({ and: [{ id: { equals: id } }, condition] })),
                narrowedTo: id,
              },
            ]
          }),
        ),
      )
      expect(await failuresOf(cases)).toEqual([])
    },
    MANY,
  )

  it(
    'answers staff a 200 or a 400 with its reason beside an id',
    async () => {
      const cases: Case[] = collections.flatMap(({ slug, paths, id }) =>
        paths.flatMap((field) =>
          validOperators.map((op) => ({
            query: list(
              slug,
              whereQuery({
                and: [
                  { id: { equals: id } },
                  { [field.path]: { [op]: operandFor(op, field, id) } },
                ],
              }),
            ),
            narrowedTo: id,
            token: editorToken,
          })),
        ),
      )
      expect(await failuresOf(cases)).toEqual([])
    },
    MANY,
  )

  it('finds a document either with a path or without it, never both or neither', async () => {
    const mismatches: string[] = []
    for (const { slug, paths, id } of collections) {
      // the made-up ones are refused, or dropped by the query string's parser (`constructor`)
      for (const { path } of paths.filter((p) => p.type !== 'unknown')) {
        const count = async (exists: boolean) => {
          const where = { and: [{ id: { equals: id } }, { [path]: { exists } }] }
          const { status, body } = await rest(list(slug, whereQuery(where)), editorToken)
          return status === 200 ? body.docs!.length : undefined
        }
        const [present, absent] = [await count(true), await count(false)]
        if (present !== undefined && absent !== undefined && present + absent !== 1) {
          mismatches.push(`${slug} ${path}: exists ${present}, not exists ${absent}`)
        }
      }
    }
    expect(mismatches).toEqual([])
  })

  it('sorts a visitor’s list by every path or says why not', async () => {
    const cases = collections.flatMap(({ slug, paths }) =>
      paths.flatMap(({ path }) =>
        [path, `-${path}`].map((sort) => ({
          query: list(slug, `sort=${encodeURIComponent(sort)}`),
        })),
      ),
    )
    expect(await failuresOf(cases)).toEqual([])
  })
})

describe('the paths Payload passed to a database that failed on them', () => {
  // each answered 500 once a condition beside it let it through to Payload: a virtual array's
  // subfield (SQLite looked for its table; MongoDB answered no documents) and rich text's
  // insides (SQLite's JSON query failed)
  const VIRTUAL = 'は使えません: 保存されていない項目です(表示するときに作られます)'
  const INSIDE = 'は使えません: リッチテキストやJSONの中身は検索できません'
  it.each([
    ['bylines.name[like]', 'where[bylines.name][like]=a', `bylines.name[like] ${VIRTUAL}`],
    ['bylines.name[equals]', 'where[bylines.name][equals]=a', `bylines.name[equals] ${VIRTUAL}`],
    [
      'body.root.children[exists]',
      'where[body.root.children][exists]=true',
      `body.root.children[exists] ${INSIDE}`,
    ],
  ])('%s is refused, for visitors beside a slug and for staff', async (_, condition, message) => {
    for (const [query, token] of [
      [`articles?${condition}`, undefined],
      [`articles?where[slug][equals]=${article.slug}&${condition}`, undefined],
      [`articles?where[id][equals]=${article.id}&${condition}`, editorToken],
    ] as const) {
      const { status, body } = await rest(query, token)
      expect(status, query).toBe(400)
      expect(body.errors?.map((e) => e.message)).toEqual([`検索条件 ${message}`])
    }
  })
})
