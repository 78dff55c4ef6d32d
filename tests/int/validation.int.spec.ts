// What a save may store, through every API and for drafts too: lengths, the link rule for
// every link-like node, the body's size, valid slugs on duplicate, CSV cells that stay text.
import { parse } from 'csv-parse/sync'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { isValidSlug } from '@/collections/shared/validators'
import { problemsToCsv } from '@/lib/compliance'
import { allProblems } from '@/tests/helpers/compliance'
import type { Article, User } from '@/payload-types'
import {
  agentData,
  articleData,
  blockNode,
  createCategory,
  createRoleUsers,
  lexical,
  linkNode,
  paragraph,
  reviewData,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

let payload: Payload
let users: Awaited<ReturnType<typeof createRoleUsers>>
let categoryId: Article['id']

const asWriter = () => ({ user: users.writer as User, overrideAccess: false as const, depth: 0 })

/** The field errors of a refused save: path → message. */
async function refusal(save: Promise<unknown>): Promise<Record<string, string>> {
  const error = (await save.then(
    () => null,
    (e: unknown) => e,
  )) as { status?: number; data?: { errors?: { path: string; message: string }[] } } | null
  expect(error, 'the save should have been refused').not.toBeNull()
  expect(error!.status).toBe(400)
  return Object.fromEntries((error!.data?.errors ?? []).map((e) => [e.path, e.message]))
}

const writerDraft = (overrides: Record<string, unknown>) =>
  payload.create({
    collection: 'articles',
    draft: true,
    data: articleData(categoryId, users.writer.id, { _status: 'draft', ...overrides }),
    ...asWriter(),
  })

beforeAll(async () => {
  payload = await getTestPayload()
  users = await createRoleUsers(payload)
  categoryId = (await createCategory(payload)).id
})

describe('drafts are validated like published saves', () => {
  it('refuses a 2 MB lead in a draft, on create and on update', async () => {
    const huge = 'あ'.repeat(2 * 1024 * 1024)
    expect(await refusal(writerDraft({ lead: huge }))).toEqual({
      lead: expect.stringMatching(/400/),
    })
    const draft = await writerDraft({})
    expect(
      await refusal(
        payload.update({
          collection: 'articles',
          id: draft.id,
          draft: true,
          data: { lead: huge },
          ...asWriter(),
        }),
      ),
    ).toEqual({ lead: expect.stringMatching(/400/) })
    const stored = await payload.findByID({
      collection: 'articles',
      id: draft.id,
      draft: true,
      depth: 0,
    })
    expect(stored.lead).toBe(draft.lead)
  })

  it('refuses a body over the size limit', async () => {
    const paragraphs = Array.from({ length: 700 }, (_, i) => paragraph(`${i}${'長'.repeat(300)}`))
    const errors = await refusal(writerDraft({ body: lexical(...paragraphs) }))
    expect(errors.body).toBe('本文が長すぎます(512KBまで)。記事を分けてください。')
  })
})

describe('quoting reviews', () => {
  it('refuses the same review quoted twice in one article, and keeps two different ones', async () => {
    const agent = await payload.create({
      collection: 'agents',
      data: agentData(),
      overrideAccess: true,
    })
    const [first, second] = await Promise.all(
      [0, 1].map(() =>
        payload.create({
          collection: 'reviews',
          data: reviewData(agent.id, { status: 'approved' }),
          overrideAccess: true,
        }),
      ),
    )
    const quote = (id: unknown) => blockNode('reviewExcerpt', { review: id })
    const errors = await refusal(
      writerDraft({ body: lexical(paragraph('口コミ'), quote(first.id), quote(first.id)) }),
    )
    expect(errors.body).toContain('同じ口コミを2回引用しています')
    const saved = await writerDraft({
      body: lexical(paragraph('口コミ'), quote(first.id), quote(second.id)),
    })
    expect(saved.id).toBeDefined()
  })
})

describe('one rule for every link-like node', () => {
  const withLinks = (...nodes: Record<string, unknown>[]) =>
    lexical({ ...paragraph(''), children: nodes })
  const autolink = (url: string) => ({ ...linkNode(url, url), type: 'autolink' })

  it.each([
    ['an autolink to data:', autolink('data:text/html,<script>alert(1)</script>')],
    ['an autolink to vbscript:', autolink('vbscript:msgbox(1)')],
    ['an autolink to a protocol-relative host', autolink('//evil.example/x')],
    ['a link to javascript:', linkNode('javascript:alert(1)', 'x')],
    ['a link to /\\host', linkNode('/\\evil.example', 'x')],
  ])('refuses %s, in a draft too', async (_, node) => {
    const errors = await refusal(writerDraft({ body: withLinks(node) }))
    expect(errors.body).toMatch(
      /^リンク先に使えないURLがあります: 「.+」。https:\/\/ で始まるURLか/,
    )
  })

  it('keeps site paths, https, mailto and anchors', async () => {
    const draft = await writerDraft({
      body: withLinks(
        linkNode('/articles/other', 'サイト内'),
        autolink('https://www.mhlw.go.jp/'),
        linkNode('mailto:info@example.com', 'メール'),
        linkNode('#summary', 'まとめへ'),
      ),
    })
    expect(draft.id).toBeTruthy()
  })
})

describe('duplicating an article', () => {
  it('gives the copy a valid slug of its own', async () => {
    const original = await payload.create({
      collection: 'articles',
      draft: true,
      data: articleData(categoryId, users.editor.id, { _status: 'draft' }),
      overrideAccess: true,
    })
    const copy = await payload.duplicate({
      collection: 'articles',
      id: original.id,
      draft: true,
      overrideAccess: true,
    })
    expect(copy.slug).toMatch(new RegExp(`^${original.slug}-copy-[a-z0-9]{4}$`))
    expect(isValidSlug(copy.slug)).toBe(true)
  })
})

describe('CSV cells', () => {
  it('an agent named like a formula stays text in the compliance CSV', async () => {
    const agent = await payload.create({
      collection: 'agents',
      overrideAccess: true,
      data: {
        ...agentData(),
        name: '=HYPERLINK("https://evil.example","x")',
        facts: [{ label: '求人数', value: '100件', asOf: '2020-01-01T00:00:00.000Z' }],
      },
    })
    const csv = problemsToCsv(await allProblems(payload), 'https://site.example')
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[]
    const row = rows.find((r) => r['コレクション'] === 'agents' && r['ID'] === String(agent.id))
    expect(row?.['対象']).toBe(`'=HYPERLINK("https://evil.example","x")`)
  })
})
