// What marketers run the business with: rotation among destinations, sub-IDs, slots, bot
// flags, the daily rollups the click report reads (equal to a count over the raw clicks), the
// ASP results import, retention, and the link health check.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { parse } from 'csv-parse/sync'
import { createLocalReq, type Payload, type Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { clickReportCsv, importResults } from '@/endpoints/clickEndpoints'
import { decodeCsv, importAspResults } from '@/lib/aspResults'
import { flushClicks } from '@/lib/clicks/buffer'
import { dayInJapan } from '@/lib/clicks/classify'
import { sumRollups } from '@/lib/clicks/clickStore'
import { answerGo, answerGoFromCache, type GoRequest } from '@/lib/clicks/go'
import { clearLinkCache } from '@/lib/clicks/linkCache'
import { clickReport } from '@/lib/clicks/report'
import { deleteClicks, deleteExpiredClicks } from '@/lib/clicks/retention'
import { chooseDestination, destinationHash, pickWeighted } from '@/lib/clicks/rotation'
import { expandSubId, subIdTemplateProblem, withSubId } from '@/lib/clicks/subId'
import { allProblems } from '@/tests/helpers/compliance'
import { checkLandingPage, checkLinkHealth } from '@/lib/linkHealth'
import { getBrokenLinks, getLinksExpiringSoon } from '@/lib/queries/affiliateLinks'
import type { AffiliateLink, Agent, Article, Click } from '@/payload-types'
import {
  articleData,
  createAgent,
  createCategory,
  createUser,
  linkData,
  unique,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

const sys = { overrideAccess: true as const, depth: 0 }
let payload: Payload
let agent: Agent
let article: Article

const go = (slug: string, overrides: Partial<GoRequest> = {}): GoRequest => ({
  slug,
  method: 'GET',
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  address: `203.0.113.${Math.floor(Math.random() * 250)}`,
  from: null,
  slot: null,
  cookie: null,
  secure: true,
  now: new Date(),
  ...overrides,
})

const location = (answer: Awaited<ReturnType<typeof answerGo>>) => {
  if (answer.status !== 302) throw new Error(`expected a redirect, got ${answer.status}`)
  return answer.location
}

const clicksOf = async (linkId: AffiliateLink['id']): Promise<Click[]> =>
  (
    await payload.find({
      collection: 'clicks',
      where: { link: { equals: linkId } },
      limit: 500,
      pagination: false,
      ...sys,
    })
  ).docs

const newLink = (data: Record<string, unknown> = {}) =>
  payload.create({
    ...sys,
    collection: 'affiliate-links',
    data: { ...linkData(agent.id), ...data },
  })

const setSettings = async (data: Record<string, unknown>) => {
  await payload.updateGlobal({ slug: 'affiliate-settings', data, ...sys })
  clearLinkCache()
}

beforeAll(async () => {
  payload = await getTestPayload()
  agent = await createAgent(payload)
  const category = await createCategory(payload)
  const author = await createUser(payload, 'writer')
  article = await payload.create({
    ...sys,
    collection: 'articles',
    data: articleData(category.id, author.id, { _status: 'published' }),
  })
  await setSettings({
    subIds: [{ asp: 'a8', parameter: 'a8ejpredirect_sub', template: '{click}' }],
    resultImports: [
      {
        asp: 'a8',
        dateColumn: '発生日時',
        subIdColumn: 'サブID',
        statusColumn: 'ステータス',
        rewardColumn: '報酬額',
        orderIdColumn: '成果ID',
        pendingWords: '発生,未確定',
        confirmedWords: '確定',
        rejectedWords: '否認,キャンセル',
      },
      {
        asp: 'afb',
        dateColumn: '日付',
        subIdColumn: 'paid',
        statusColumn: '状態',
        rewardColumn: '報酬',
      },
    ],
  })
})

describe('rotation', () => {
  it('spreads readers by weight (10,000 draws within ±2 points) and keeps each on theirs', () => {
    const candidates = [
      { url: 'https://a.example/', weight: 70 },
      { url: 'https://b.example/', weight: 20 },
      { url: 'https://c.example/', weight: 10 },
    ]
    const counts = new Map<string, number>()
    for (let i = 0; i < 10_000; i++) {
      const url = pickWeighted(candidates)!
      counts.set(url, (counts.get(url) ?? 0) + 1)
    }
    expect(Math.abs((counts.get('https://a.example/') ?? 0) / 100 - 70)).toBeLessThan(2)
    expect(Math.abs((counts.get('https://b.example/') ?? 0) / 100 - 20)).toBeLessThan(2)
    expect(Math.abs((counts.get('https://c.example/') ?? 0) / 100 - 10)).toBeLessThan(2)
    // a weight of 0 is never drawn
    expect(
      new Set(
        Array.from({ length: 500 }, () =>
          pickWeighted([
            { url: 'x', weight: 0 },
            { url: 'y', weight: 5 },
          ]),
        ),
      ),
    ).toEqual(new Set(['y']))
    // the cookie keeps a reader on B even where A is drawn 70% of the time
    const kept = chooseDestination(candidates, destinationHash('https://b.example/'), () => 0)
    expect(kept).toEqual({ url: 'https://b.example/', sticky: false })
    // a destination that was removed is drawn again, and the new choice is to be remembered
    expect(
      chooseDestination(candidates, destinationHash('https://gone.example/'), () => 0),
    ).toEqual({
      url: 'https://a.example/',
      sticky: true,
    })
  })

  it('sends readers of a rotating link to every destination, sets a 30-day cookie on its own path and honours it', async () => {
    const link = await newLink({
      destinationUrl: 'https://lp.example/a',
      primaryWeight: 50,
      alternatives: [{ url: 'https://lp.example/b', weight: 50 }],
    })
    const seen = new Set<string>()
    let cookie = ''
    for (let i = 0; i < 40; i++) {
      const answer = await answerGo(payload, go(link.slug))
      expect(answer.status).toBe(302)
      if (answer.status !== 302) continue
      seen.add(new URL(answer.location).origin + new URL(answer.location).pathname)
      expect(answer.setCookie).toMatch(
        new RegExp(
          `^cm_dest=[\\w-]+; Path=/go/${link.slug}; Max-Age=2592000; HttpOnly; SameSite=Lax; Secure$`,
        ),
      )
      cookie = answer.setCookie!.split(';')[0]!
    }
    expect(seen).toEqual(new Set(['https://lp.example/a', 'https://lp.example/b']))
    const remembered = cookie.endsWith(destinationHash('https://lp.example/a'))
      ? 'https://lp.example/a'
      : 'https://lp.example/b'
    for (let i = 0; i < 20; i++) {
      const answer = await answerGo(payload, go(link.slug, { cookie: `other=1; ${cookie}` }))
      expect(location(answer).startsWith(remembered)).toBe(true)
      expect(answer.status === 302 && answer.setCookie).toBeFalsy()
    }
    // a link without alternatives sets no cookie
    const plain = await newLink()
    const answer = await answerGo(payload, go(plain.slug))
    expect(answer.status === 302 && answer.setCookie).toBeFalsy()
  })

  it('refuses a weight outside 0–100 and a sixth destination', async () => {
    await expect(newLink({ primaryWeight: 101 })).rejects.toThrow()
    await expect(
      newLink({
        alternatives: Array.from({ length: 5 }, (_, i) => ({
          url: `https://lp.example/${i}`,
          weight: 10,
        })),
      }),
    ).rejects.toThrow()
  })
})

describe('sub-IDs', () => {
  it('expands placeholders, encodes the value and sets only the ASP parameter', () => {
    const value = expandSubId('{article}_{slot}_{click}', {
      article: 'pmo-guide',
      placement: 'pmo-guide',
      slot: 'table',
      link: 'x',
      click: 'abc123',
    })
    expect(value).toBe('pmo-guide_table_abc123')
    const url = withSubId(
      'https://px.a8.net/svt/ejp?a8mat=3ABC&x=1',
      'a8ejpredirect_sub',
      'a b&c=d/日本',
    )
    const parsed = new URL(url)
    expect(parsed.searchParams.get('a8ejpredirect_sub')).toBe('a b&c=d/日本')
    expect(parsed.searchParams.get('a8mat')).toBe('3ABC')
    expect(parsed.searchParams.get('x')).toBe('1')
    expect(url).not.toContain('a b&c')
    expect(subIdTemplateProblem('{article}-{nope}')).toMatch('{nope}')
    expect(subIdTemplateProblem('{article')).toMatch('波かっこ')
    expect(subIdTemplateProblem('{article}_{click}')).toBeNull()
  })

  it('fills the ASP parameter per click with the page, slot and click id, and records it', async () => {
    const link = await newLink({ destinationUrl: 'https://px.a8.net/svt/ejp?a8mat=TEST' })
    const linkWithOwn = await newLink({
      destinationUrl: 'https://px.a8.net/svt/ejp?a8mat=OWN',
      subIdTemplate: '{article}-{slot}-{click}',
    })
    const other = await newLink({
      asp: 'valuecommerce',
      destinationUrl: 'https://ck.jp.ap.valuecommerce.com/x?vc=1',
    })
    const first = new URL(
      location(await answerGo(payload, go(link.slug, { from: article.slug, slot: 'card' }))),
    )
    const own = new URL(
      location(
        await answerGo(payload, go(linkWithOwn.slug, { from: article.slug, slot: 'table' })),
      ),
    )
    // no sub-ID rule for this ASP: the destination as it is
    expect(location(await answerGo(payload, go(other.slug)))).toBe(
      'https://ck.jp.ap.valuecommerce.com/x?vc=1',
    )
    await flushClicks()
    const [click] = await clicksOf(link.id)
    expect(first.searchParams.get('a8ejpredirect_sub')).toBe(click!.clickId)
    expect(click).toMatchObject({ placement: article.slug, slot: 'card', subId: click!.clickId })
    const [ownClick] = await clicksOf(linkWithOwn.id)
    expect(own.searchParams.get('a8ejpredirect_sub')).toBe(
      `${article.slug}-table-${ownClick!.clickId}`,
    )
    expect(ownClick!.subId).toBe(`${article.slug}-table-${ownClick!.clickId}`)
  })
})

describe('clicks as recorded', () => {
  it('checks the slot, flags bots (list, HEAD, previews) without dropping them, and applies a schedule at its time', async () => {
    const switchAt = new Date('2030-01-01T00:00:00Z')
    const link = await newLink({
      activeUntil: switchAt.toISOString(),
      fallbackUrl: 'https://after.example/',
    })
    const before = new Date(switchAt.getTime() - 1000)
    const after = new Date(switchAt.getTime() + 1000)
    expect(
      location(await answerGo(payload, go(link.slug, { now: before, slot: 'bogus' }))),
    ).toMatch(/^https:\/\/agent-/)
    expect(location(await answerGo(payload, go(link.slug, { now: after, method: 'HEAD' })))).toBe(
      'https://after.example/',
    )
    await answerGo(
      payload,
      go(link.slug, { now: after, userAgent: 'Googlebot/2.1 (+http://www.google.com/bot.html)' }),
    )
    await answerGo(
      payload,
      go(link.slug, {
        now: after,
        userAgent: 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      }),
    )
    await flushClicks()
    const clicks = (await clicksOf(link.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    expect(clicks).toHaveLength(4)
    expect(clicks.map((c) => c.isBot)).toEqual([false, true, true, true])
    expect(clicks[0]).toMatchObject({ slot: 'unknown', deviceClass: 'mobile' })
    expect(clicks[1]!.destination).toBe('https://after.example/')
  })

  it('answers from memory alone once the link, settings and page are cached, the same way', async () => {
    const link = await newLink()
    const request = go(link.slug, { from: article.slug, slot: 'text' })
    clearLinkCache()
    expect(answerGoFromCache(payload, request)).toBeNull()
    await answerGo(payload, request)
    const fromCache = answerGoFromCache(payload, request)
    expect(fromCache?.status).toBe(302)
    expect(fromCache && fromCache.status === 302 && fromCache.location).toContain(
      link.destinationUrl,
    )
    await flushClicks()
    expect(await clicksOf(link.id)).toHaveLength(2)
  })
})

describe('rollups and the report', () => {
  it('equal a count over the raw clicks: totals, uniques, bots, by link and by page', async () => {
    const links = [await newLink(), await newLink({ asp: 'afb' })]
    const visitors = Array.from({ length: 6 }, (_, i) => `198.51.100.${i + 1}`)
    // 3 rounds over 6 visitors, 2 links, 2 slots; round 2 is flushed separately so uniques must
    // look back at clicks already stored
    for (let round = 0; round < 3; round++) {
      for (const address of visitors)
        for (const link of links)
          for (const slot of ['card', 'table'])
            await answerGo(payload, go(link.slug, { address, from: article.slug, slot }))
      await answerGo(payload, go(links[0]!.slug, { method: 'HEAD' }))
      await flushClicks()
    }
    const today = dayInJapan(new Date())
    const raw = (await Promise.all(links.map((l) => clicksOf(l.id)))).flat()
    const people = raw.filter((c) => !c.isBot)
    const sums = await sumRollups(payload, { fromDay: today, toDay: today, bots: false }, 'link')
    for (const link of links) {
      const mine = people.filter((c) => c.link === link.id)
      const sum = sums.find((s) => String(s.link) === String(link.id))
      expect(sum?.clicks).toBe(mine.length)
      const distinct = new Set(mine.map((c) => [c.placement, c.slot, c.visitorKey].join('|')))
      expect(sum?.uniques).toBe(distinct.size)
    }
    expect(people).toHaveLength(3 * 6 * 2 * 2)
    const withBots = await sumRollups(payload, { fromDay: today, toDay: today, bots: true }, 'link')
    expect(withBots.find((s) => String(s.link) === String(links[0]!.id))?.clicks).toBe(
      raw.filter((c) => c.link === links[0]!.id).length,
    )
    const report = await clickReport(payload, { fromDay: today, toDay: today, bots: false })
    const rowFor = (l: AffiliateLink) => report.byLink.find((r) => r.key === String(l.id))
    expect(rowFor(links[0]!)?.clicks).toBe(6 * 2 * 3)
    expect(rowFor(links[0]!)?.uniques).toBe(6 * 2)
    // the page-and-slot row against every raw click of that page and slot today (all links)
    const cardRaw = await payload.count({
      collection: 'clicks',
      where: {
        and: [
          { placement: { equals: article.slug } },
          { slot: { equals: 'card' } },
          { isBot: { equals: false } },
          { createdAt: { greater_than_equal: new Date(`${today}T00:00:00+09:00`).toISOString() } },
        ],
      },
      overrideAccess: true,
    })
    expect(report.byPage.find((r) => r.key === `${article.slug}|card`)?.clicks).toBe(
      cardRaw.totalDocs,
    )
    expect(report.byDay.find((r) => r.key === today)?.clicks).toBe(report.total.clicks)
    expect(report.byAsp.reduce((n, r) => n + r.clicks, 0)).toBe(report.total.clicks)
  })

  it('equal the raw clicks over a long range read as months, blocks and edge days', async () => {
    const link = await newLink()
    const start = Date.parse('2032-01-03T12:00:00+09:00')
    for (let d = 0; d < 68; d++) {
      const now = new Date(start + d * 86_400_000)
      for (let n = 0; n < 1 + (d % 3); n++) {
        const address = `198.51.100.${60 + (n % 2)}`
        const slot = d % 2 ? 'card' : 'table'
        await answerGo(payload, go(link.slug, { now, address, from: article.slug, slot }))
      }
    }
    await flushClicks()
    const range = { fromDay: '2032-01-05', toDay: '2032-03-04', bots: false }
    const raw = (await clicksOf(link.id)).filter((c) => {
      const day = dayInJapan(new Date(c.createdAt))
      return day >= range.fromDay && day <= range.toDay
    })
    const report = await clickReport(payload, range)
    const row = report.byLink.find((r) => r.key === String(link.id))
    expect(row?.clicks).toBe(raw.length)
    expect(row?.uniques).toBe(new Set(raw.map((c) => `${c.slot}|${c.visitorKey}`)).size)
    for (const slot of ['card', 'table'])
      expect(report.byPage.find((r) => r.key === `${article.slug}|${slot}`)?.clicks).toBe(
        raw.filter((c) => c.slot === slot).length,
      )
    expect(report.byDay).toHaveLength(60)
    expect(report.byDay.reduce((n, r) => n + r.clicks, 0)).toBe(raw.length)
    // the period before it: the 60 days up to 2032-01-04, of which this link has two
    expect(report.previousTotal.clicks).toBe(
      (await clicksOf(link.id)).filter((c) => dayInJapan(new Date(c.createdAt)) < range.fromDay)
        .length,
    )
  })
})

describe('ASP results', () => {
  const csvFor = (rows: string[][]) =>
    new TextEncoder().encode(
      [
        '発生日時,サブID,ステータス,報酬額,成果ID',
        ...rows.map((r) => r.map((c) => `"${c}"`).join(',')),
      ].join('\r\n'),
    )

  it('joins each row to its click, lists bad rows by line, and changes nothing on a re-upload', async () => {
    const link = await newLink()
    for (const slot of ['card', 'table'])
      await answerGo(payload, go(link.slug, { from: article.slug, slot }))
    await flushClicks()
    const [cardClick, tableClick] = (await clicksOf(link.id)).sort((a) =>
      a.slot === 'card' ? -1 : 1,
    )
    const order = unique()
    const file = csvFor([
      ['2026/11/20 10:00', cardClick!.clickId!, '確定', '¥12,000', `${order}-1`],
      ['2026/11/21', tableClick!.clickId!, '発生', '8000円', `${order}-2`],
      ['2026/11/21', 'no-such-click', '否認', '5000', `${order}-3`],
      ['昨日', tableClick!.clickId!, '確定', '1000', `${order}-4`],
      ['2026/11/22', tableClick!.clickId!, '保留', 'たくさん', `${order}-5`],
    ])
    const first = await importAspResults(payload, { asp: 'a8', bytes: file, fileName: 'a8.csv' })
    expect(first).toMatchObject({ rows: 5, added: 3, updated: 0, unchanged: 0, unmatched: 1 })
    expect(first.errors.map((e) => e.line)).toEqual([5, 6])
    expect(first.errors[0]!.message).toContain('昨日')
    expect(first.errors[1]!.message).toMatch(/保留[\s\S]*たくさん/)
    const again = await importAspResults(payload, { asp: 'a8', bytes: file, fileName: 'a8.csv' })
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3 })
    const stored = await payload.find({
      collection: 'asp-results',
      where: { orderId: { like: order } },
      limit: 500,
      pagination: false,
      ...sys,
    })
    expect(stored.totalDocs).toBe(3)
    const card = stored.docs.find((r) => r.orderId === `${order}-1`)
    expect(card).toMatchObject({
      status: 'confirmed',
      reward: 12000,
      link: link.id,
      placement: article.slug,
      slot: 'card',
      occurredOn: '2026-11-20',
    })
    // a later report with the pending row confirmed updates that row only
    const later = await importAspResults(payload, {
      asp: 'a8',
      bytes: csvFor([['2026/11/21', tableClick!.clickId!, '確定', '8000', `${order}-2`]]),
      fileName: 'a8-later.csv',
    })
    expect(later).toMatchObject({ added: 0, updated: 1 })
    const report = await clickReport(payload, {
      fromDay: '2026-11-20',
      toDay: '2026-11-21',
      bots: false,
    })
    const row = report.byLink.find((r) => r.key === String(link.id))
    expect(row).toMatchObject({ conversions: 2, confirmed: 2, reward: 20000 })
  })

  it('counts in EPC only the results joined to the clicks the view counts, and shows the others as lines of their own', async () => {
    const link = await newLink()
    const marketer = await createUser(payload, 'marketer')
    for (const slot of ['card', 'table'])
      await answerGo(payload, go(link.slug, { from: article.slug, slot }))
    await answerGo(
      payload,
      go(link.slug, {
        from: article.slug,
        slot: 'card',
        userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      }),
    )
    await flushClicks()
    const clicks = await clicksOf(link.id)
    const human = clicks.find((c) => !c.isBot)!
    const bot = clicks.find((c) => c.isBot)!
    const today = dayInJapan(new Date())
    const range = (bots: boolean) => ({ fromDay: today, toDay: today, bots })
    const before = await clickReport(payload, range(false))
    const order = unique()
    const date = today.replaceAll('-', '/')
    const imported = await importAspResults(payload, {
      asp: 'a8',
      bytes: csvFor([
        [date, human.clickId!, '確定', '8000', `${order}-1`],
        [date, bot.clickId!, '確定', '5000', `${order}-2`],
        [date, `no-click-${order}`, '確定', '3000', `${order}-3`],
      ]),
      fileName: 'a8-epc.csv',
    })
    expect(imported).toMatchObject({ added: 3, unmatched: 1 })
    const stored = await payload.find({
      collection: 'asp-results',
      where: { orderId: { like: order } },
      sort: 'orderId',
      ...sys,
    })
    expect(stored.docs.map((r) => r.matchedClick)).toEqual(['human', 'bot', 'none'])

    // bots left out (the default): the link's row has its two readers' clicks and 8,000円
    const people = await clickReport(payload, range(false))
    const row = people.byLink.find((r) => r.key === String(link.id))
    expect(row).toMatchObject({ clicks: 2, conversions: 1, reward: 8000 })
    expect(people.total.reward - before.total.reward).toBe(8000)
    expect(people.bot.reward - before.bot.reward).toBe(5000)
    expect(people.bot.conversions - before.bot.conversions).toBe(1)
    expect(people.unmatched.reward - before.unmatched.reward).toBe(3000)
    expect(people.byLink.find((r) => r.label === '(リンク不明の成果)')).toBeUndefined()
    // bots counted: the bot's click and its result are in the row; the unmatched one never is
    const all = await clickReport(payload, range(true))
    expect(all.byLink.find((r) => r.key === String(link.id))).toMatchObject({
      clicks: 3,
      conversions: 2,
      reward: 13000,
    })
    expect(all.bot).toEqual({ conversions: 0, reward: 0 })
    // how many clicks the view leaves out as bots', and the pages by their titles, linked
    expect(people.botClicks).toBe(all.total.clicks - people.total.clicks)
    expect(people.botClicks).toBeGreaterThan(0)
    expect(all.botClicks).toBeNull()
    expect(people.byPage.find((r) => r.key === `${article.slug}|card`)).toMatchObject({
      label: `記事: ${article.title}`,
      href: `/articles/${article.slug}`,
    })
    expect(all.unmatched.reward - before.unmatched.reward).toBe(3000)

    // the CSV has what the screen shows: each row's results and EPC, then the results no row
    // stands for on lines of their own
    const csv = async (bots: boolean) => {
      const req = await createLocalReq({ user: { ...marketer, collection: 'users' } }, payload)
      req.query = { from: today, to: today, ...(bots ? { bots: '1' } : {}) }
      const response = await clickReportCsv.handler(req)
      expect(response.status).toBe(200)
      const rows = parse(await response.text(), { bom: true, columns: true }) as Record<
        string,
        string
      >[]
      return {
        ofLink: rows.filter((r) => r['スラッグ'] === link.slug),
        unmatched: rows.filter((r) => r['リンク'] === '(クリックに紐づかない成果)'),
      }
    }
    const file = await csv(false)
    const sum = (rows: Record<string, string>[], column: string) =>
      rows.reduce((n, r) => n + Number(r[column]), 0)
    const readers = file.ofLink.filter((r) => r['ボット'] === 'いいえ')
    expect(sum(readers, 'クリック')).toBe(2)
    expect(sum(readers, '確定報酬')).toBe(8000)
    const card = readers.find((r) => r['確定報酬'] === '8000')!
    expect(card['EPC']).toBe((8000 / Number(card['クリック'])).toFixed(1))
    // bots left out: the bot's click is not in the file, its result is, with no clicks
    const botLines = file.ofLink.filter((r) => r['ボット'] === 'はい')
    expect(botLines.map((r) => [r['クリック'], r['成果件数'], r['確定報酬']])).toEqual([
      ['0', '1', '5000'],
    ])
    expect(sum(file.unmatched, '確定報酬')).toBeGreaterThanOrEqual(3000)
    const withBots = await csv(true)
    const botRow = withBots.ofLink.find((r) => r['ボット'] === 'はい')!
    expect([botRow['クリック'], botRow['確定報酬'], botRow['EPC']]).toEqual(['1', '5000', '5000.0'])
  })

  it('never misreads a file: split amounts, open quotes and empty files are refused by line, and a dry run stores nothing', async () => {
    const order = unique()
    const text = (lines: string[]) =>
      new TextEncoder().encode(['発生日時,サブID,ステータス,報酬額,成果ID', ...lines].join('\r\n'))
    const stored = async () =>
      (
        await payload.find({
          collection: 'asp-results',
          where: { orderId: { like: order } },
          sort: 'orderId',
          ...sys,
        })
      ).docs.map((r) => [r.orderId, r.reward])
    const file = text([
      `2026/11/20,sub-a,確定,"¥2,500",${order}-1`,
      `2026/11/20,sub-b,確定,¥2,500,${order}-2`,
      `2026/11/21,"sub-c,確定,3000,${order}-3`,
      `2026/11/21,sub-d,確定,4000,${order}-4`,
      `昨日,sub-e,確定,5000,${order}-5`,
    ])
    // the dry run: the same report, nothing stored
    const preview = await importAspResults(payload, {
      asp: 'a8',
      bytes: file,
      fileName: 'mixed.csv',
      dryRun: true,
    })
    expect(preview).toMatchObject({ rows: 5, added: 2, updated: 0 })
    expect(await stored()).toEqual([])
    const done = await importAspResults(payload, { asp: 'a8', bytes: file, fileName: 'mixed.csv' })
    expect(done).toMatchObject({ added: 2 })
    expect(done.errors).toEqual(preview.errors)
    // an unquoted 「¥2,500」 is two cells: refused whole, never stored as 2円; the open quote on
    // line 4 is reported there, and the bad date after it is reported too
    expect(done.errors.map((e) => e.line)).toEqual([3, 4, 6])
    expect(done.errors[0]!.message).toContain('列の数(6)が見出しの列の数(5)と合いません')
    expect(done.errors[1]!.message).toContain('引用符(")が閉じていません')
    expect(done.errors[2]!.message).toContain('昨日')
    expect(await stored()).toEqual([
      [`${order}-1`, 2500],
      [`${order}-4`, 4000],
    ])
    // an empty file and a file of headings only say so
    const empty = await importAspResults(payload, {
      asp: 'a8',
      bytes: new Uint8Array(),
      fileName: 'empty.csv',
    })
    expect(empty.errors).toEqual([{ line: 0, message: 'ファイルが空です(0行)' }])
    const headingsOnly = await importAspResults(payload, {
      asp: 'a8',
      bytes: text([]),
      fileName: 'headings.csv',
    })
    expect(headingsOnly.errors).toEqual([
      { line: 0, message: '見出しの行だけで、成果の行がありません' },
    ])
  })

  it('answers a chosen file that is empty with its name, not as if none was chosen', async () => {
    const marketer = await createUser(payload, 'marketer')
    const post = async (file: File | null) => {
      const form = new FormData()
      form.set('asp', 'a8')
      if (file) form.set('file', file)
      const req = await createLocalReq({ user: { ...marketer, collection: 'users' } }, payload)
      req.formData = async () => form
      const response = await importResults.handler(req)
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    }
    expect(await post(new File([], 'a8-2026-11.csv', { type: 'text/csv' }))).toEqual({
      status: 400,
      body: { errors: [{ message: '選んだファイル「a8-2026-11.csv」は空です(0バイト)。' }] },
    })
    expect(await post(null)).toEqual({
      status: 400,
      body: { errors: [{ message: 'CSVファイルを選んで送信してください。' }] },
    })
  })

  it('reads Shift_JIS files, files without an order id idempotently, and refuses a file without the mapped headings', async () => {
    // 確定 in Shift_JIS
    expect(decodeCsv(new Uint8Array([0x8a, 0x6d, 0x92, 0xe8]))).toBe('確定')
    const noOrder = new TextEncoder().encode(
      ['日付,paid,状態,報酬', '2026-11-01,x1,確定,100', '2026-11-01,x1,確定,100'].join('\n'),
    )
    const first = await importAspResults(payload, {
      asp: 'afb',
      bytes: noOrder,
      fileName: 'afb.csv',
    })
    // two identical rows are two results; pending/confirmed words default per ASP setting
    expect(first).toMatchObject({ added: 2, unmatched: 2 })
    expect(
      await importAspResults(payload, { asp: 'afb', bytes: noOrder, fileName: 'afb.csv' }),
    ).toMatchObject({ added: 0, unchanged: 2 })
    const wrong = await importAspResults(payload, {
      asp: 'afb',
      bytes: new TextEncoder().encode('date,sub,status,reward\n2026-11-01,x,確定,1'),
      fileName: 'wrong.csv',
    })
    expect(wrong.added).toBe(0)
    expect(wrong.errors[0]!.message).toContain('見出しに')
    const unmapped = await importAspResults(payload, {
      asp: 'moshimo',
      bytes: noOrder,
      fileName: 'm.csv',
    })
    expect(unmapped.errors[0]!.message).toContain('列の設定がありません')
  })
})

describe('retention', () => {
  it('deletes clicks older than the retention setting, logs it, and keeps the rollups', async () => {
    const link = await newLink()
    await answerGo(payload, go(link.slug, { now: new Date('2023-01-10T00:00:00Z') }))
    await answerGo(payload, go(link.slug, { now: new Date('2026-11-01T00:00:00Z') }))
    await flushClicks()
    expect(await clicksOf(link.id)).toHaveLength(2)
    const markers = async (where: Where) =>
      (await payload.count({ collection: 'click-visitors', where, overrideAccess: true })).totalDocs
    expect(await markers({ day: { equals: '2023-01-10' } })).toBeGreaterThan(0)
    const deleted = await deleteExpiredClicks(payload, new Date('2026-11-25T00:00:00Z'))
    // the unique-visitor markers of days before the day before go, the recent ones stay
    expect(await markers({ day: { less_than: '2026-11-24' } })).toBe(0)
    expect(await markers({ day: { greater_than_equal: '2026-11-24' } })).toBeGreaterThan(0)
    expect(deleted).toBeGreaterThanOrEqual(1)
    const left = await clicksOf(link.id)
    expect(left.map((c) => c.createdAt)).toEqual(['2026-11-01T00:00:00.000Z'])
    const log = await payload.find({
      collection: 'click-deletions',
      sort: '-createdAt',
      limit: 1,
      ...sys,
    })
    expect(log.docs[0]).toMatchObject({
      reason: 'retention',
      deleted,
      before: '2024-10-25T00:00:00.000Z',
    })
    const old = await sumRollups(
      payload,
      { fromDay: '2023-01-10', toDay: '2023-01-10', bots: true },
      'link',
    )
    expect(old.find((s) => String(s.link) === String(link.id))?.clicks).toBe(1)
    // an admin's range deletion is logged with who did it
    const admin = await createUser(payload, 'admin')
    const n = await deleteClicks(payload, {
      from: new Date('2026-10-31T15:00:00Z'),
      before: new Date('2026-11-01T15:00:00Z'),
      reason: 'admin',
      by: admin.id,
    })
    expect(n).toBeGreaterThanOrEqual(1)
    expect(await clicksOf(link.id)).toHaveLength(0)
    const byAdmin = await payload.find({
      collection: 'click-deletions',
      where: { by: { equals: admin.id } },
      ...sys,
    })
    expect(byAdmin.docs[0]).toMatchObject({ reason: 'admin', deleted: n })
  })
})

describe('link health', () => {
  let server: http.Server
  let base = ''
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/ok') res.end('<html>ok</html>')
      else if (req.url === '/gone') res.writeHead(404).end('gone')
      else if (req.url === '/error') res.writeHead(500).end('error')
      else if (req.url === '/slow') setTimeout(() => res.end('late'), 3000)
      else if (req.url === '/loop') res.writeHead(302, { Location: '/loop' }).end()
      else if (req.url === '/moved') res.writeHead(301, { Location: '/ok' }).end()
      else if (req.url === '/huge') {
        res.writeHead(200)
        const chunk = Buffer.alloc(64 * 1024, 'a')
        const write = () => {
          while (res.write(chunk));
          res.once('drain', write)
        }
        write()
        req.on('close', () => res.destroy())
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => {
    server.closeAllConnections()
    server.close()
  })

  it('tells a live page from a 404, a 500, a slow server, a redirect loop and a stream that never ends', async () => {
    const opts = { allowPrivate: true, timeoutMs: 1000 }
    expect(await checkLandingPage(`${base}/ok`, opts)).toMatchObject({
      state: 'ok',
      httpStatus: 200,
    })
    expect(await checkLandingPage(`${base}/moved`, opts)).toMatchObject({
      state: 'ok',
      finalUrl: `${base}/ok`,
    })
    expect(await checkLandingPage(`${base}/gone`, opts)).toMatchObject({
      state: 'broken',
      httpStatus: 404,
    })
    expect(await checkLandingPage(`${base}/error`, opts)).toMatchObject({
      state: 'error',
      httpStatus: 500,
    })
    expect(await checkLandingPage(`${base}/slow`, opts)).toMatchObject({
      state: 'error',
      httpStatus: null,
    })
    expect((await checkLandingPage(`${base}/loop`, opts)).message).toContain('ループ')
    expect(await checkLandingPage(`${base}/huge`, opts)).toMatchObject({ state: 'ok' })
    // without the test's permission, a private address is not requested at all
    expect(await checkLandingPage(`${base}/ok`)).toMatchObject({ state: 'error', httpStatus: null })
  })

  it('stores the result on the link, never requesting the tracking URL', async () => {
    const link = await newLink({ landingUrl: `${base}/gone`, destinationUrl: `${base}/tracking` })
    const result = await checkLinkHealth(payload, link, { allowPrivate: true, timeoutMs: 1000 })
    expect(result?.state).toBe('broken')
    const stored = await payload.findByID({ collection: 'affiliate-links', id: link.id, ...sys })
    expect(stored).toMatchObject({
      healthState: 'broken',
      health: { httpStatus: 404, finalUrl: `${base}/gone` },
    })
    expect(await clicksOf(link.id)).toHaveLength(0)
  })

  it("puts a broken link in the compliance view and on the marketer's dashboard, with links ending within 14 days", async () => {
    const marketer = await createUser(payload, 'marketer')
    const broken = await newLink({ landingUrl: `${base}/gone` })
    const healthy = await newLink({ landingUrl: `${base}/ok` })
    for (const link of [broken, healthy]) {
      await checkLinkHealth(payload, link, { allowPrivate: true, timeoutMs: 1000 })
    }
    const problems = await allProblems(payload)
    const linkProblems = problems.filter((p) => p.kind === 'link-broken').map((p) => p.id)
    expect(linkProblems).toContain(String(broken.id))
    expect(linkProblems).not.toContain(String(healthy.id))
    // ids are per collection: an agent's problem may carry the same number
    const brokenProblem = problems.find(
      (p) => p.kind === 'link-broken' && p.id === String(broken.id),
    )
    expect(brokenProblem?.detail).toContain('404')

    const listed = (await getBrokenLinks(payload, marketer, 100)).docs.map((l) => l.id)
    expect(listed).toContain(broken.id)
    expect(listed).not.toContain(healthy.id)

    const now = new Date()
    const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString()
    const soon = await newLink({ activeFrom: inDays(-30), activeUntil: inDays(10) })
    const later = await newLink({ activeFrom: inDays(-30), activeUntil: inDays(30) })
    const over = await newLink({ activeFrom: inDays(-30), activeUntil: inDays(-1) })
    const expiring = (await getLinksExpiringSoon(payload, marketer, now, 14, 100)).docs.map(
      (l) => l.id,
    )
    expect(expiring).toContain(soon.id)
    expect(expiring).not.toContain(later.id)
    expect(expiring).not.toContain(over.id)
  })
})
