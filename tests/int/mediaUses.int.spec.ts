// Each upload's number of uses on public pages (lib/mediaUses.ts), kept by the articles' and
// agents' hooks, and the access rule it answers: writers and marketers change or delete only
// uploads no public page shows; editors and admins any.
import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import type { Article, Media, User } from '@/payload-types'
import { rebuildMediaUsesEndpoint } from '@/endpoints/rebuildMediaUses'
import { JOBS_QUEUE } from '@/lib/jobsRunner'
import { REBUILD_PAGE } from '@/lib/mediaUses'
import { migrations as mongoMigrations } from '@/migrations-mongodb'
import {
  agentData,
  articleData,
  createCategory,
  createRoleUsers,
  lexical,
  paragraph,
  pngFile,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'
import { runsOn } from '@/tests/helpers/testDatabase'

let payload: Payload
let users: Awaited<ReturnType<typeof createRoleUsers>>
let categoryId: Article['id']

const sys = { overrideAccess: true as const, depth: 0 }
const as = (user: User) => ({ user, overrideAccess: false as const, depth: 0 })

beforeAll(async () => {
  payload = await getTestPayload()
  users = await createRoleUsers(payload)
  categoryId = (await createCategory(payload)).id
})

const upload = async () =>
  payload.create({ ...sys, collection: 'media', data: { alt: '図' }, file: await pngFile() })

const usesOf = async (media: Pick<Media, 'id'>) =>
  (await payload.findByID({ ...sys, collection: 'media', id: media.id })).publicUses

const bodyImage = (media: Pick<Media, 'id'>) => ({
  type: 'upload',
  relationTo: 'media',
  value: media.id,
  fields: null,
  format: '',
  version: 3,
})

const publish = (overrides: Record<string, unknown>) =>
  payload.create({
    ...sys,
    collection: 'articles',
    data: articleData(categoryId, users.editor.id, { _status: 'published', ...overrides }),
  })

/** A writer's article never published, with these fields. */
const draftArticle = (overrides: Record<string, unknown>) =>
  payload.create({
    ...sys,
    collection: 'articles',
    draft: true,
    data: articleData(categoryId, users.writer.id, { _status: 'draft', ...overrides }),
  })

const unpublish = (article: Pick<Article, 'id'>) =>
  payload.update({
    ...sys,
    collection: 'articles',
    id: article.id,
    data: { _status: 'draft', workflowState: 'draft' },
  })

const rename = (user: User, media: Pick<Media, 'id'>, alt: string) =>
  payload.update({ collection: 'media', id: media.id, data: { alt }, ...as(user) })

/** The refusal Payload answers, or null when the change went through. */
async function refusal(op: () => Promise<unknown>) {
  try {
    await op()
    return null
  } catch (error) {
    const { status, message } = error as { status?: number; message: string }
    return { status, message }
  }
}

const REFUSED = { status: 403, message: 'このアクションは許可されていません。' }

describe('an upload no public page shows', () => {
  it('starts at no use, and a writer changes and deletes it', async () => {
    const image = await upload()
    expect(await usesOf(image)).toBe(0)
    expect((await rename(users.writer, image, '説明を直した図')).alt).toBe('説明を直した図')
    await payload.delete({ collection: 'media', id: image.id, ...as(users.writer) })
    expect(
      await payload.find({ ...sys, collection: 'media', where: { id: { equals: image.id } } }),
    ).toMatchObject({ totalDocs: 0 })
  })

  it('takes no count from a writer’s or the API’s data', async () => {
    const image = await payload.create({
      collection: 'media',
      data: { alt: '図', publicUses: 5 },
      file: await pngFile(),
      ...as(users.writer),
    })
    expect(await usesOf(image)).toBe(0)
    await publish({ heroImage: image.id })
    await payload.update({
      collection: 'media',
      id: image.id,
      data: { publicUses: 0 },
      ...as(users.editor),
    })
    expect(await usesOf(image)).toBe(1)
  })
})

describe('once a published page shows it', () => {
  it.each([
    ['hero image', (m: Media) => ({ heroImage: m.id })],
    ['meta image', (m: Media) => ({ meta: { image: m.id } })],
    ['body image', (m: Media) => ({ body: lexical(paragraph('図の説明'), bodyImage(m)) })],
  ])(
    'as an article’s %s: writers and marketers are refused, editors still may',
    async (_, uses) => {
      const image = await upload()
      await publish(uses(image))
      expect(await usesOf(image)).toBe(1)
      for (const user of [users.writer, users.marketer]) {
        expect(await refusal(() => rename(user, image, '差し替え'))).toEqual(REFUSED)
        expect(
          await refusal(() => payload.delete({ collection: 'media', id: image.id, ...as(user) })),
        ).toEqual(REFUSED)
      }
      expect((await rename(users.editor, image, '編集部の図')).alt).toBe('編集部の図')
    },
  )

  it('as an agent’s logo, until the logo changes', async () => {
    const [logo, next] = [await upload(), await upload()]
    const agent = await payload.create({
      ...sys,
      collection: 'agents',
      data: { ...agentData(), logo: logo.id },
    })
    expect(await usesOf(logo)).toBe(1)
    expect(await refusal(() => rename(users.writer, logo, '差し替え'))).toEqual(REFUSED)

    await payload.update({ ...sys, collection: 'agents', id: agent.id, data: { logo: next.id } })
    expect([await usesOf(logo), await usesOf(next)]).toEqual([0, 1])
    expect((await rename(users.writer, logo, '使われなくなったロゴ')).alt).toBe(
      '使われなくなったロゴ',
    )
    expect(await refusal(() => rename(users.writer, next, '差し替え'))).toEqual(REFUSED)

    await payload.delete({ ...sys, collection: 'agents', id: agent.id })
    expect(await usesOf(next)).toBe(0)
    expect(await refusal(() => rename(users.writer, next, '削除された会社のロゴ'))).toBeNull()
  })

  it('counts every page that shows it, and frees it when the last one goes', async () => {
    const image = await upload()
    const first = await publish({ heroImage: image.id })
    const second = await publish({ body: lexical(bodyImage(image)), meta: { image: image.id } })
    await payload.create({ ...sys, collection: 'agents', data: { ...agentData(), logo: image.id } })
    expect(await usesOf(image)).toBe(3)

    await unpublish(first)
    expect(await usesOf(image)).toBe(2)
    await payload.delete({ ...sys, collection: 'articles', id: second.id })
    expect(await usesOf(image)).toBe(1)
    expect(await refusal(() => rename(users.writer, image, '差し替え'))).toEqual(REFUSED)
  })

  it('unpublishing or deleting the article gives it back to writers', async () => {
    const [unpublished, deleted] = [await upload(), await upload()]
    const a = await publish({ heroImage: unpublished.id })
    const b = await publish({ heroImage: deleted.id })
    await unpublish(a)
    await payload.delete({ ...sys, collection: 'articles', id: b.id })
    expect([await usesOf(unpublished), await usesOf(deleted)]).toEqual([0, 0])
    for (const image of [unpublished, deleted]) {
      expect((await rename(users.writer, image, '再利用する図')).alt).toBe('再利用する図')
    }
  })

  it('a writer’s bulk change reaches only the uploads no public page shows', async () => {
    const [shown, free] = [await upload(), await upload()]
    await publish({ heroImage: shown.id })
    const { docs, errors } = await payload.update({
      collection: 'media',
      where: { id: { in: [shown.id, free.id] } },
      data: { alt: '一括変更' },
      ...as(users.writer),
    })
    expect(errors).toEqual([])
    expect(docs.map((m) => m.id)).toEqual([free.id])
    expect((await payload.findByID({ ...sys, collection: 'media', id: shown.id })).alt).toBe('図')
  })
})

describe('drafts', () => {
  it('a draft that adds an image does not count until it is published', async () => {
    const image = await upload()
    const draftOnly = await draftArticle({ heroImage: image.id })
    const live = await publish({})
    await payload.update({
      ...sys,
      collection: 'articles',
      id: live.id,
      draft: true,
      data: { heroImage: image.id, _status: 'draft' },
    })
    expect(await usesOf(image)).toBe(0)
    expect((await rename(users.writer, image, '下書きの図')).alt).toBe('下書きの図')

    await payload.update({
      ...sys,
      collection: 'articles',
      id: draftOnly.id,
      data: { _status: 'published' },
    })
    expect(await usesOf(image)).toBe(1)
  })

  it('a draft that drops a published image keeps it counted; publishing the draft frees it', async () => {
    const image = await upload()
    const article = await publish({ heroImage: image.id })
    await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      draft: true,
      data: { heroImage: null, _status: 'draft' },
    })
    // readers still see the image on the live version
    expect(await usesOf(image)).toBe(1)
    // the latest version (the draft) no longer shows it: only the live one says what to recount
    await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { title: '画像を外して公開した記事', _status: 'published' },
    })
    expect(await usesOf(image)).toBe(0)
  })
})

describe('scheduled publishing', () => {
  it('the jobs queue’s publication counts the article’s images', async () => {
    const image = await upload()
    const article = await draftArticle({ heroImage: image.id, workflowState: 'approved' })
    const at = new Date(Date.now() + 60_000)
    await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { workflowState: 'scheduled', scheduledAt: at.toISOString() },
    })
    expect(await usesOf(image)).toBe(0)
    // the clock moved past the schedule; timers stay real for the database's waits
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(at.getTime() + 1_000)
    try {
      await payload.jobs.run({ queue: JOBS_QUEUE })
    } finally {
      vi.useRealTimers()
    }
    expect(
      (await payload.findByID({ ...sys, collection: 'articles', id: article.id }))._status,
    ).toBe('published')
    expect(await usesOf(image)).toBe(1)
  })
})

describe('counting again from scratch', () => {
  /** Uploads with one, two and no public use, their counts then broken past the hooks. */
  async function brokenCounts() {
    const [one, two, none] = [await upload(), await upload(), await upload()]
    await publish({ heroImage: one.id })
    await publish({ heroImage: two.id })
    await payload.create({ ...sys, collection: 'agents', data: { ...agentData(), logo: two.id } })
    // a draft and an unpublished article show nothing
    await draftArticle({ heroImage: none.id })
    await unpublish(await publish({ meta: { image: none.id } }))
    for (const [media, wrong] of [
      [one, 0],
      [two, 7],
      [none, 3],
    ] as const) {
      await payload.db.updateOne({ collection: 'media', id: media.id, data: { publicUses: wrong } })
    }
    expect([await usesOf(one), await usesOf(two), await usesOf(none)]).toEqual([0, 7, 3])
    return async () => [await usesOf(one), await usesOf(two), await usesOf(none)]
  }

  it('the rebuildMediaUses job repairs counts written past the hooks, page after page', async () => {
    const counts = await brokenCounts()
    // more uploads than two of the job's pages, stored with a count no page gives them
    const filler = []
    for (let i = 0; i < 2 * REBUILD_PAGE + 1; i++) {
      filler.push(
        await payload.db.create({
          collection: 'media',
          data: { alt: `計数${i}`, filename: `count-${i}.png`, publicUses: 4 },
        }),
      )
    }
    const job = await payload.jobs.queue({ task: 'rebuildMediaUses', input: {} })
    await payload.jobs.runByID({ id: job.id })
    expect(await counts()).toEqual([1, 2, 0])
    const { totalDocs } = await payload.count({
      collection: 'media',
      where: { and: [{ id: { in: filler.map((m) => m.id) } }, { publicUses: { equals: 0 } }] },
    })
    expect(totalDocs).toBe(filler.length)
  })

  it('an admin queues the job for the server’s runner; nobody else may', async () => {
    const queued = () =>
      payload.count({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'rebuildMediaUses' } },
      })
    const ask = async (user?: User) => {
      const response = await rebuildMediaUsesEndpoint.handler(
        await createLocalReq({ user: user && { ...user, collection: 'users' } }, payload),
      )
      return { status: response.status, body: await response.json() }
    }
    const before = (await queued()).totalDocs
    for (const user of [undefined, users.writer, users.marketer, users.editor]) {
      expect(await ask(user)).toEqual({
        status: 403,
        body: { errors: [{ message: '使用数の再集計を依頼できるのは管理者だけです。' }] },
      })
    }
    expect((await queued()).totalDocs).toBe(before)

    const counts = await brokenCounts()
    const asked = await ask(users.admin)
    expect(asked).toMatchObject({
      status: 202,
      body: { message: '使用数の再集計を受け付けました。数秒後に始まります。' },
    })
    const job = await payload.findByID({ ...sys, collection: 'payload-jobs', id: asked.body.job })
    expect([job.taskSlug, job.queue]).toEqual(['rebuildMediaUses', JOBS_QUEUE])
    // what the server's runner (GET /api/payload-jobs/run?queue=scheduled) does every 5 s
    await payload.jobs.run({ queue: JOBS_QUEUE })
    expect(await counts()).toEqual([1, 2, 0])
  })

  it.runIf(runsOn('sqlite', 'the SQLite migration’s SQL'))(
    'the SQLite migration’s backfill gives every upload its count',
    async () => {
      const counts = await brokenCounts()
      const { backfillMediaUses } =
        await import('@/migrations/20261207_020329_compliance_checks_media_uses')
      await backfillMediaUses((payload.db as unknown as { drizzle: never }).drizzle)
      expect(await counts()).toEqual([1, 2, 0])
    },
  )

  it.runIf(runsOn('mongodb', 'MongoDB’s own migrations'))(
    'the MongoDB migration gives every upload its count',
    async () => {
      const counts = await brokenCounts()
      const migration = mongoMigrations.find((m) => m.name.endsWith('_media_uses'))!
      await migration.up({ payload, req: await createLocalReq({}, payload), session: undefined })
      expect(await counts()).toEqual([1, 2, 0])
    },
  )
})
