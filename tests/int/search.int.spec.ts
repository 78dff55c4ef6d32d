// The site search through the articles collection: what the index holds follows what readers
// see (publish, live edit, a draft beside the live version, unpublish, delete), and the result
// pages read it in order through the access rules.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { searchArticles } from '@/lib/queries/search'
import { normalizeQuery } from '@/lib/search'
import {
  clearSearchIndex,
  ensureSearchIndex,
  rebuildSearchIndex,
  searchArticleIds,
} from '@/lib/searchIndex'
import {
  articleData,
  createCategory,
  createUser,
  lexical,
  paragraph,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

const sys = { overrideAccess: true as const, depth: 0 }
let payload: Payload
let category: Awaited<ReturnType<typeof createCategory>>
let author: Awaited<ReturnType<typeof createUser>>

// a two-kanji word no other test's article has (from a rarely used block of kanji)
const rareWord = () =>
  Array.from({ length: 2 }, () =>
    String.fromCharCode(0x9a00 + Math.floor(Math.random() * 0x5ff)),
  ).join('')

// what a reader finds, after checking that the index holds exactly those articles (the result
// page reads published articles only, so an entry the index should not hold would hide there)
const found = async (raw: string) => {
  const q = normalizeQuery(raw)
  const ids = (await searchArticles(q)).docs.map((doc) => doc.id)
  const held = await searchArticleIds(await getTestPayload(), q, 1, 10)
  expect(held.ids, `the index's entries for ${q}`).toEqual(ids.map(String))
  expect(held.total).toBe(ids.length)
  return ids
}

beforeAll(async () => {
  payload = await getTestPayload()
  category = await createCategory(payload)
  author = await createUser(payload, 'writer')
})

const publish = (overrides: Record<string, unknown>) =>
  payload.create({
    ...sys,
    collection: 'articles',
    data: articleData(category.id, author.id, { _status: 'published', ...overrides }),
  })

describe('the search index follows what readers see', () => {
  it('finds a published article by a two-character word in its title, lead or body', async () => {
    const [inTitle, inLead, inBody] = [rareWord(), rareWord(), rareWord()]
    const article = await publish({
      title: `${inTitle}の話`,
      lead: `リード文に${inLead}があります。`,
      body: lexical(paragraph(`本文のカタカナ「エージェント」と${inBody}。`)),
    })
    for (const word of [inTitle, inLead, inBody, `${inBody} えーじぇんと`]) {
      expect(await found(word), word).toEqual([article.id])
    }
  })

  it('keeps the live version while a draft waits beside it, and changes on publish', async () => {
    const [live, revised] = [rareWord(), rareWord()]
    const article = await publish({ title: `${live}の手引き` })
    await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { title: `${revised}の手引き`, _status: 'draft' },
      draft: true,
    })
    expect(await found(live)).toEqual([article.id])
    expect(await found(revised)).toEqual([])

    await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { title: `${revised}の手引き`, _status: 'published' },
    })
    expect(await found(live)).toEqual([])
    expect(await found(revised)).toEqual([article.id])
  })

  it('never holds a draft, and forgets an article when it is unpublished or deleted', async () => {
    const [draftWord, word] = [rareWord(), rareWord()]
    await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, { _status: 'draft', title: `${draftWord}案` }),
      draft: true,
    })
    expect(await found(draftWord)).toEqual([])

    const article = await publish({ title: `${word}の記事` })
    expect(await found(word)).toEqual([article.id])
    await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { _status: 'draft', workflowState: 'draft' },
    })
    expect(await found(word)).toEqual([])

    await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { _status: 'published' },
    })
    expect(await found(word)).toEqual([article.id])
    await payload.delete({ ...sys, collection: 'articles', id: article.id })
    expect(await found(word)).toEqual([])
  })

  it('ranks title matches first, then the newest, and counts every match', async () => {
    const word = rareWord()
    const older = await publish({ title: `${word}入門`, publishedAt: '2025-01-01T00:00:00.000Z' })
    const body = (publishedAt: string) =>
      publish({ body: lexical(paragraph(`本文に${word}。`)), publishedAt })
    const bodyOld = await body('2025-06-01T00:00:00.000Z')
    const bodyNew = await body('2026-06-01T00:00:00.000Z')
    const result = await searchArticles(word)
    expect(result.docs.map((doc) => doc.id)).toEqual([older.id, bodyNew.id, bodyOld.id])
    expect(result).toMatchObject({ totalDocs: 3, totalPages: 1, capped: false })
  })

  it('says what it left out or looked for in titles only, and asks for more words', async () => {
    const word = rareWord()
    const titled = await publish({ title: `${word}の話` })
    await publish({ body: lexical(paragraph(`本文だけに${word}。`)) })

    const plain = await searchArticles(normalizeQuery(word))
    expect(plain).toMatchObject({ totalDocs: 2, tooBroad: false, searched: [word], ignored: [] })

    const particles = await searchArticles(normalizeQuery('の が'))
    expect(particles).toMatchObject({ totalDocs: 0, tooBroad: true, searched: [] })
    expect(particles.ignored).toEqual(['の', 'が'])

    // one kanji: the article with it in its title, not the one with it in the body
    const lone = await searchArticles(normalizeQuery(`${word[0]} の`))
    expect(lone.docs.map((doc) => doc.id)).toEqual([titled.id])
    expect(lone).toMatchObject({ tooBroad: true, searched: [word[0]], titleOnly: [word[0]] })
    expect(lone.ignored).toEqual(['の'])
  })

  it('is rebuilt from the published articles when it is found empty at start-up', async () => {
    const word = rareWord()
    const article = await publish({ title: `${word}の再構築` })
    const published = await payload.count({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      overrideAccess: true,
    })
    // an emptied index, as a restored backup or a new index file leaves it
    await clearSearchIndex(payload)
    expect((await searchArticleIds(payload, word, 1, 10)).ids).toEqual([])
    await ensureSearchIndex(payload)
    expect((await searchArticleIds(payload, word, 1, 10)).ids).toEqual([String(article.id)])
    expect(await rebuildSearchIndex(payload)).toBe(published.totalDocs)
  })
})
