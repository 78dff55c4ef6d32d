// A deleted document leaves no reference behind, the same on both databases: SQLite's foreign
// keys set a single reference to null and drop an entry from a list; on MongoDB the afterDelete
// clean-up does the same (lib/references.ts). Without it MongoDB would keep the dead ids.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import {
  articleData,
  createAgent,
  createCategory,
  createUser,
  linkData,
  pngFile,
  reviewData,
  unique,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

const sys = { overrideAccess: true as const, depth: 0 }
let payload: Payload
let author: User

beforeAll(async () => {
  payload = await getTestPayload()
  author = await createUser(payload, 'editor')
})

describe('deleting a document', () => {
  it('takes a deleted category out of the articles and their versions that listed it', async () => {
    const [kept, deleted] = [await createCategory(payload), await createCategory(payload)]
    const article = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(kept.id, author.id, {
        categories: [kept.id, deleted.id],
        _status: 'published',
      }),
    })
    await payload.delete({ ...sys, collection: 'categories', id: deleted.id })
    const stored = await payload.findByID({ ...sys, collection: 'articles', id: article.id })
    expect(stored.categories).toEqual([kept.id])
    const { docs: versions } = await payload.findVersions({
      ...sys,
      collection: 'articles',
      where: { parent: { equals: article.id } },
    })
    expect(versions.length).toBeGreaterThan(0)
    for (const version of versions) expect(version.version.categories).toEqual([kept.id])
  })

  it('refuses to delete an agent that affiliate links or reviews still require, saying which', async () => {
    const agent = await createAgent(payload)
    const link = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: linkData(agent.id),
    })
    await payload.create({ ...sys, collection: 'reviews', data: reviewData(agent.id) })
    const refused = await payload.delete({ ...sys, collection: 'agents', id: agent.id }).then(
      () => null,
      (error: { status?: number; message: string }) => error,
    )
    expect(refused?.status).toBe(409)
    expect(refused?.message).toBe(
      'このエージェントは口コミ 1件、アフィリエイトリンク 1件から参照されているため削除できません。先にそれらを削除するか、参照先を変更してください。',
    )
    // nothing was deleted or changed
    expect((await payload.findByID({ ...sys, collection: 'agents', id: agent.id })).id).toBe(
      agent.id,
    )
    const stored = await payload.findByID({ ...sys, collection: 'affiliate-links', id: link.id })
    expect(stored.agent).toBe(agent.id)
  })

  it('leaves no dead reference to a deleted link, image or article', async () => {
    const linked = await createAgent(payload)
    const link = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: linkData(linked.id),
    })
    await payload.update({
      ...sys,
      collection: 'agents',
      id: linked.id,
      data: { primaryLink: link.id },
    })
    const image = await payload.create({
      ...sys,
      collection: 'media',
      data: { alt: '削除される画像' },
      file: await pngFile(),
    })
    const category = await createCategory(payload)
    const [related, kept] = [
      await payload.create({
        ...sys,
        collection: 'articles',
        data: articleData(category.id, author.id),
      }),
      await payload.create({
        ...sys,
        collection: 'articles',
        data: articleData(category.id, author.id),
      }),
    ]
    const article = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, {
        heroImage: image.id,
        relatedArticles: [related.id, kept.id],
        _status: 'published',
      }),
    })
    const redirect = await payload.create({
      ...sys,
      collection: 'redirects',
      data: {
        from: `/articles/old-${unique()}`,
        to: { type: 'reference', reference: { relationTo: 'articles', value: article.id } },
        type: '301',
      },
    })

    await payload.delete({ ...sys, collection: 'articles', id: related.id })
    await payload.delete({ ...sys, collection: 'affiliate-links', id: link.id })
    await payload.delete({ ...sys, collection: 'media', id: image.id })
    const stored = await payload.findByID({ ...sys, collection: 'articles', id: article.id })
    expect(stored.relatedArticles).toEqual([kept.id])
    expect(stored.heroImage ?? null).toBeNull()
    expect(
      (await payload.findByID({ ...sys, collection: 'agents', id: linked.id })).primaryLink ?? null,
    ).toBeNull()

    // a reference that may point at several collections (the redirect's target)
    await payload.delete({ ...sys, collection: 'articles', id: article.id })
    const target = await payload.findByID({ ...sys, collection: 'redirects', id: redirect.id })
    expect(target.to?.reference ?? null).toBeNull()
  })
})
