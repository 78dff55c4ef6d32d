// PR labelling safeguards on the server: raw ASP URLs are refused wherever they are pasted,
// and the compliance checks find every seeded problem (and nothing on a clean article).
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import {
  complianceContext,
  countProblems,
  eachProblem,
  firstProblems,
  PROBLEM_KINDS,
  problemsPage,
  problemsToCsv,
  type Problem,
} from '@/lib/compliance'
import { allProblems } from '@/tests/helpers/compliance'
import type { Article, User } from '@/payload-types'
import {
  agentData,
  articleData,
  blockNode,
  createCategory,
  createRoleUsers,
  lexical,
  linkData,
  linkNode,
  paragraph,
  reviewData,
  unique,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'
import { SITE_SETTINGS } from '@/scripts/seed/data/people'

type Id = Article['id']
const sys = { overrideAccess: true as const, depth: 0 }

let payload: Payload
let users: Record<'admin' | 'editor' | 'writer' | 'marketer', User>
let categoryId: Id

beforeAll(async () => {
  payload = await getTestPayload()
  users = await createRoleUsers(payload)
  categoryId = (await createCategory(payload)).id
})

const paragraphWithLink = (url: string) => ({
  ...paragraph(''),
  children: [linkNode(url, '公式サイトはこちら')],
})

/** The error a refused save gives, with the field paths it names. */
async function refusal(op: () => Promise<unknown>) {
  try {
    await op()
    return null
  } catch (error) {
    const e = error as { message: string; data?: { errors?: { path: string; message: string }[] } }
    return { paths: e.data?.errors?.map((x) => x.path) ?? [], messages: e.data?.errors ?? [] }
  }
}

describe('raw affiliate URLs', () => {
  it('refuses an ASP URL pasted as a link in the body, saying to use the link manager', async () => {
    const result = await refusal(() =>
      payload.create({
        collection: 'articles',
        data: articleData(categoryId, users.writer.id, {
          body: lexical(paragraphWithLink('https://px.a8.net/svt/ejp?a8mat=3XYZ')),
        }),
        draft: true,
        user: users.writer,
        overrideAccess: false,
      }),
    )
    expect(result?.paths).toEqual(['body'])
    expect(result?.messages[0].message).toContain('リンク管理')
  })

  it('refuses one in the lead or written out in text, and keeps the stored article as it was', async () => {
    const article = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(categoryId, users.editor.id, { _status: 'published' }),
    })
    const lead = await refusal(() =>
      payload.update({
        collection: 'articles',
        id: article.id,
        data: { lead: '申し込みは h.accesstrade.net/sp/cc?rk=0100 から' },
        user: users.editor,
        overrideAccess: false,
      }),
    )
    expect(lead?.paths).toEqual(['lead'])
    const text = await refusal(() =>
      payload.update({
        collection: 'articles',
        id: article.id,
        data: { body: lexical(paragraph('詳しくは https://af.moshimo.com/af/c/click?a_id=1 へ')) },
        user: users.editor,
        overrideAccess: false,
      }),
    )
    expect(text?.paths).toEqual(['body'])
    const stored = await payload.findByID({ ...sys, collection: 'articles', id: article.id })
    expect(stored.lead).toBe(article.lead)
    expect(JSON.stringify(stored.body)).not.toContain('moshimo')
  })

  it('accepts /go/ links and ordinary links', async () => {
    const ok = await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(categoryId, users.editor.id, {
        body: lexical(
          paragraphWithLink('/go/some-link'),
          paragraphWithLink('https://www.mhlw.go.jp/'),
        ),
      }),
    })
    expect(ok.id).toBeDefined()
  })

  it('refuses them in agent profiles too, and follows the list in site settings', async () => {
    const agent = await refusal(() =>
      payload.create({
        ...sys,
        collection: 'agents',
        data: {
          ...agentData(),
          description: '公式: https://ck.jp.ap.valuecommerce.com/servlet/referral?sid=1',
        },
      }),
    )
    expect(agent?.paths).toEqual(['description'])

    const before = await payload.findGlobal({ slug: 'site-settings', ...sys })
    await payload.updateGlobal({
      slug: 'site-settings',
      ...sys,
      data: {
        ...SITE_SETTINGS,
        compliance: { ...before.compliance, aspDomains: [{ domain: 'track.example-asp.jp' }] },
      },
    })
    try {
      const custom = await refusal(() =>
        payload.create({
          ...sys,
          collection: 'articles',
          data: articleData(categoryId, users.editor.id, {
            body: lexical(paragraphWithLink('https://track.example-asp.jp/c?id=1')),
          }),
        }),
      )
      expect(custom?.paths).toEqual(['body'])
    } finally {
      await payload.updateGlobal({
        slug: 'site-settings',
        ...sys,
        data: { ...SITE_SETTINGS, compliance: before.compliance },
      })
    }
  })
})

describe('the compliance checks', () => {
  it('lists each kind of problem with a link to its document, and nothing for a clean article', async () => {
    const s = unique()
    const agent = await payload.create({
      ...sys,
      collection: 'agents',
      data: {
        ...agentData(),
        facts: [
          { label: '公開求人数', value: '約1,000件', asOf: '2023-01-01T00:00:00.000Z' },
          { label: '対応エリア', value: '全国', asOf: new Date().toISOString() },
        ],
      },
    })
    const paused = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: { ...linkData(agent.id), status: 'paused' },
    })
    const expired = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: {
        ...linkData(agent.id),
        activeFrom: '2024-01-01T00:00:00.000Z',
        activeUntil: '2024-06-30T00:00:00.000Z',
      },
    })
    const good = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: linkData(agent.id),
    })

    const publish = (title: string, body: unknown) =>
      payload.create({
        ...sys,
        collection: 'articles',
        data: articleData(categoryId, users.editor.id, { _status: 'published', title, body }),
      })
    const withPaused = await publish(
      `停止リンク${s}`,
      lexical(blockNode('agentCard', { agent: agent.id, link: paused.id })),
    )
    const withExpired = await publish(
      `期限切れ${s}`,
      lexical(paragraphWithLink(`/go/${expired.slug}`)),
    )
    const withMissing = await publish(
      `存在しない${s}`,
      lexical(paragraphWithLink(`/go/no-such-${s}`)),
    )
    const clean = await publish(
      `問題なし${s}`,
      lexical(blockNode('agentCard', { agent: agent.id, link: good.id })),
    )
    // a promotional page stored without its label: the hooks never allow it, so it is written
    // straight through the database adapter to prove the check would catch it
    const unlabelled = await publish(
      `ラベルなし${s}`,
      lexical(blockNode('agentCard', { agent: agent.id, link: good.id })),
    )
    await payload.db.updateOne({
      collection: 'articles',
      id: unlabelled.id,
      data: { promotional: false },
    })

    const problems = await allProblems(payload)
    // an id names a document only together with its collection
    const about = (id: Id) =>
      problems.filter((p) => p.collection === 'articles' && p.id === String(id)).map((p) => p.kind)
    expect(about(withPaused.id)).toEqual(['link-disabled'])
    expect(about(withExpired.id)).toEqual(['link-expired'])
    expect(about(withMissing.id)).toEqual(['link-missing'])
    expect(about(unlabelled.id)).toEqual(['disclosure-missing'])
    expect(about(clean.id)).toEqual([])
    expect(problems[0].kind).toBe('disclosure-missing')

    const facts = problems.find((p) => p.collection === 'agents' && p.id === String(agent.id))
    expect(facts).toMatchObject({
      kind: 'facts-outdated',
      collection: 'agents',
      adminPath: `/admin/collections/agents/${agent.id}`,
    })
    expect(facts?.detail).toContain('公開求人数')
    expect(facts?.detail).not.toContain('対応エリア')
    expect(
      problems.find((p) => p.collection === 'articles' && p.id === String(withPaused.id))
        ?.adminPath,
    ).toBe(`/admin/collections/articles/${withPaused.id}`)

    // a year and more later, every article here is stale
    const later = new Date(Date.now() + 400 * 24 * 3600 * 1000)
    const stale = (await allProblems(payload, later)).filter(
      (p) => p.kind === 'article-stale' && p.collection === 'articles' && p.id === String(clean.id),
    )
    expect(stale).toHaveLength(1)

    const csv = problemsToCsv(problems, 'https://site.example')
    expect(csv.startsWith('\uFEFF問題,対象,内容')).toBe(true)
    expect(csv).toContain(`https://site.example/admin/collections/articles/${withPaused.id}`)
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(problems.length + 1)
  })

  it('ignores drafts: only what readers can see is a problem', async () => {
    const agent = await payload.create({ ...sys, collection: 'agents', data: agentData() })
    const paused = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: { ...linkData(agent.id), status: 'paused' },
    })
    const draft = await payload.create({
      ...sys,
      collection: 'articles',
      draft: true,
      data: articleData(categoryId, users.editor.id, {
        _status: 'draft',
        body: lexical(blockNode('agentCard', { agent: agent.id, link: paused.id })),
      }),
    })
    const problems = await allProblems(payload)
    expect(problems.some((p) => p.collection === 'articles' && p.id === String(draft.id))).toBe(
      false,
    )
  })

  it('warns where low ratings are rejected markedly more often than high ones', async () => {
    const agent = await payload.create({ ...sys, collection: 'agents', data: agentData() })
    const fair = await payload.create({ ...sys, collection: 'agents', data: agentData() })
    const review = (agentId: Id, rating: number, rejected: boolean) =>
      payload.create({
        ...sys,
        collection: 'reviews',
        data: reviewData(agentId, {
          rating,
          status: rejected ? 'rejected' : 'approved',
          rejectionCategory: rejected ? 'guidelines' : null,
        }),
      })
    // ★1–2: 4 of 6 not published; ★4–5: 1 of 8
    for (const [rating, rejected] of [
      [1, true],
      [1, true],
      [2, true],
      [2, true],
      [1, false],
      [2, false],
      [5, true],
      [5, false],
      [5, false],
      [5, false],
      [4, false],
      [4, false],
      [4, false],
      [4, false],
    ] as const) {
      await review(agent.id, rating, rejected)
      // the same decisions for every rating: no warning
      await review(fair.id, rating, rating === 5 && rejected)
    }
    const problems = await allProblems(payload)
    const found = problems.filter(
      (p) => p.kind === 'review-suppression' && [String(agent.id), String(fair.id)].includes(p.id),
    )
    expect(found.map((p) => p.id)).toEqual([String(agent.id)])
    expect(found[0].detail).toContain('★1〜2の口コミの非掲載率(67%)')
    expect(found[0].adminPath).toBe('/admin/review-queue?days=90')
  })
})

describe('the compliance checks at any size', () => {
  const publish = (title: string, body: unknown) =>
    payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(categoryId, users.editor.id, { _status: 'published', title, body }),
    })

  it('counts each kind and pages through it, every problem once, most serious kind first', async () => {
    const s = unique()
    const agent = await payload.create({ ...sys, collection: 'agents', data: agentData() })
    const paused = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: { ...linkData(agent.id), status: 'paused' },
    })
    const mine = new Set<string>()
    for (let i = 0; i < 5; i++) {
      const article = await publish(
        `ページ送り${s}-${i}`,
        lexical(blockNode('agentCard', { agent: agent.id, link: paused.id })),
      )
      mine.add(String(article.id))
    }
    const ctx = await complianceContext(payload)
    const counts = await countProblems(ctx)
    const seen: string[] = []
    for (let page = 1; page <= Math.ceil(counts['link-disabled'] / 2); page++) {
      const rows = await problemsPage(ctx, 'link-disabled', page, 2)
      expect(rows.length).toBeLessThanOrEqual(2)
      seen.push(...rows.map((p) => `${p.collection}:${p.id}`))
    }
    // every page together is the count, with no problem twice
    expect(seen).toHaveLength(counts['link-disabled'])
    expect(new Set(seen).size).toBe(seen.length)
    for (const id of mine) expect(seen).toContain(`articles:${id}`)

    // the CSV's walk (keyset, in id order), two at a time: the same problems, each once
    const walked: string[] = []
    for await (const rows of eachProblem(ctx, 2)) {
      expect(rows.length).toBeLessThanOrEqual(2)
      walked.push(
        ...rows.filter((p) => p.kind === 'link-disabled').map((p) => `${p.collection}:${p.id}`),
      )
    }
    expect(walked.sort()).toEqual([...seen].sort())

    const first = await firstProblems(ctx, counts, 5)
    expect(first.length).toBe(
      Math.min(
        5,
        Object.values(counts).reduce((a, b) => a + b, 0),
      ),
    )
    const order = first.map((p) => PROBLEM_KINDS.indexOf(p.kind))
    expect(order).toEqual([...order].sort((a, b) => a - b))
  })

  it('finds an agent card whose own link is paused, or that has no link at all', async () => {
    const s = unique()
    const agent = await payload.create({ ...sys, collection: 'agents', data: agentData() })
    const link = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: linkData(agent.id),
    })
    await payload.update({
      ...sys,
      collection: 'agents',
      id: agent.id,
      data: { primaryLink: link.id },
    })
    const bare = await payload.create({ ...sys, collection: 'agents', data: agentData() })
    const viaAgent = await publish(
      `公式リンク${s}`,
      lexical(blockNode('agentCard', { agent: agent.id })),
    )
    const noLink = await publish(
      `リンクなし${s}`,
      lexical(blockNode('agentCard', { agent: bare.id })),
    )
    const about = (problems: Problem[], id: Id) =>
      problems.filter((p) => p.collection === 'articles' && p.id === String(id))

    expect(about(await allProblems(payload), viaAgent.id)).toEqual([])
    expect(about(await allProblems(payload), noLink.id)).toMatchObject([
      {
        kind: 'link-missing',
        detail: `「${bare.name}」に公式サイトへのリンクが設定されていません`,
      },
    ])

    await payload.update({
      ...sys,
      collection: 'affiliate-links',
      id: link.id,
      data: { status: 'paused' },
    })
    expect(about(await allProblems(payload), viaAgent.id)).toMatchObject([
      { kind: 'link-disabled', detail: `リンク「${link.name}」(/go/${link.slug})は停止中です` },
    ])
  })

  it('names the missing link a body points at, from the page of problems alone', async () => {
    const s = unique()
    const article = await publish(`不明なリンク${s}`, lexical(paragraphWithLink(`/go/gone-${s}`)))
    const stored = await payload.findByID({ ...sys, collection: 'articles', id: article.id })
    expect(stored.checks?.missingReferences).toBe(1)
    const found = (await allProblems(payload)).filter((p) => p.id === String(article.id))
    expect(found).toMatchObject([
      { kind: 'link-missing', detail: `/go/gone-${s} が見つかりません` },
    ])
  })

  it('an empty PR text in the site settings is one problem, first', async () => {
    const settings = await payload.findGlobal({ ...sys, slug: 'site-settings' })
    const agent = await payload.create({ ...sys, collection: 'agents', data: agentData() })
    const link = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: linkData(agent.id),
    })
    await publish(
      `PR${unique()}`,
      lexical(blockNode('agentCard', { agent: agent.id, link: link.id })),
    )
    await payload.updateGlobal({ ...sys, slug: 'site-settings', data: { prDisclosureText: ' ' } })
    try {
      const ctx = await complianceContext(payload)
      const [row] = await problemsPage(ctx, 'disclosure-missing', 1, 10)
      expect(row).toMatchObject({
        kind: 'disclosure-missing',
        collection: 'site-settings',
        adminPath: '/admin/globals/site-settings',
      })
      expect(row.detail).toMatch(
        /^サイト設定のPR表記の文言が空です\(PR表記の記事[\d,]+件に文言が出ません\)$/,
      )
      expect(
        (await allProblems(payload)).filter((p) => p.collection === 'site-settings'),
      ).toHaveLength(1)
    } finally {
      await payload.updateGlobal({
        ...sys,
        slug: 'site-settings',
        data: { prDisclosureText: settings.prDisclosureText ?? SITE_SETTINGS.prDisclosureText },
      })
    }
  })

  it('refuses to delete a link or an agent that a published page shows, saying how many', async () => {
    const agent = await payload.create({ ...sys, collection: 'agents', data: agentData() })
    const link = await payload.create({
      ...sys,
      collection: 'affiliate-links',
      data: linkData(agent.id),
    })
    const article = await publish(
      `削除不可${unique()}`,
      lexical(blockNode('agentCard', { agent: agent.id, link: link.id })),
    )
    const refusedWith = (collection: 'affiliate-links' | 'agents', id: Id) =>
      payload.delete({ ...sys, collection, id }).then(
        () => null,
        (error: { status?: number; message: string }) => ({
          status: error.status,
          message: error.message,
        }),
      )
    expect(await refusedWith('affiliate-links', link.id)).toEqual({
      status: 409,
      message:
        'このリンクは公開中の記事 1件に表示されているため削除できません。先に記事から外すか、リンクを停止してください。',
    })
    expect(
      (await payload.findByID({ ...sys, collection: 'affiliate-links', id: link.id })).id,
    ).toBe(link.id)

    // a draft does not hold it: once the page is unpublished, the link may go
    await payload.update({
      ...sys,
      collection: 'articles',
      id: article.id,
      data: { _status: 'draft' },
    })
    expect(await refusedWith('affiliate-links', link.id)).toBeNull()
  })
})
