// PR labelling safeguards on the server: raw ASP URLs are refused wherever they are pasted,
// and the compliance checks find every seeded problem (and nothing on a clean article).
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { findComplianceProblems, problemsToCsv } from '@/lib/compliance'
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

    const problems = await findComplianceProblems(payload)
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
    const stale = (await findComplianceProblems(payload, later)).filter(
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
    const problems = await findComplianceProblems(payload)
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
    const problems = await findComplianceProblems(payload)
    const found = problems.filter(
      (p) => p.kind === 'review-suppression' && [String(agent.id), String(fair.id)].includes(p.id),
    )
    expect(found.map((p) => p.id)).toEqual([String(agent.id)])
    expect(found[0].detail).toContain('★1〜2の口コミの非掲載率(67%)')
    expect(found[0].adminPath).toBe('/admin/review-queue?days=90')
  })
})
