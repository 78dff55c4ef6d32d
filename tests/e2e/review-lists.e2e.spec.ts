import { randomBytes } from 'node:crypto'

import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { apiToken, createTestAgent } from '../helpers/login'

// An agent's review list as a reader on a phone uses it: filtering lands on the results with a
// tidy address, each page of the list is its own page to search engines, the privacy note
// appears only where the rule changed what a review shows, and the breakdowns read in order.

test.use({ viewport: { width: 375, height: 812 } })

const letters = () =>
  [...randomBytes(8)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('')

type Attributes = { ageBand: string; gender: string; industry: string; experienceYears: string }
const common = (ageBand: string): Attributes => ({
  ageBand,
  gender: 'male',
  industry: 'it',
  experienceYears: '1_3',
})
const silent: Attributes = {
  ageBand: 'no_answer',
  gender: 'no_answer',
  industry: 'no_answer',
  experienceYears: 'no_answer',
}

let slug = ''
const titles: Record<string, string> = {}

/** An agent of its own with 12 approved reviews: two groups of 3 alike, the rest varied. */
async function agentWithReviews(request: APIRequestContext) {
  const doc = await createTestAgent(request, '口コミ一覧テスト', 'review-list')
  const reviews: [string, Attributes, Record<string, number | null>][] = [
    // 30代 first: the database may keep its averages in any order, the page must not
    ...[0, 1, 2].map((i) => [`common30-${i}`, common('30s'), {}] as (typeof reviews)[number]),
    ...[0, 1, 2].map((i) => [`common20-${i}`, common('20s'), {}] as (typeof reviews)[number]),
    ['alone', { ...common('40s'), gender: 'female', industry: 'finance' }, {}],
    // a single answer for 担当者の対応: not yet an average
    ['silent', silent, { consultant: 5 }],
    ...[0, 1, 2, 3].map(
      (i) => [`filler-${i}`, { ...silent, ageBand: '50s_plus' }, {}] as (typeof reviews)[number],
    ),
  ]
  const editor = await apiToken(request, 'editor')
  for (const [key, attributes, subRatings] of reviews) {
    const title = `一覧確認${key}${letters()}`
    titles[key] = title
    const res = await request.post('/api/reviews', {
      headers: { Authorization: `JWT ${editor}` },
      data: {
        agent: doc.id,
        rating: 4,
        title,
        body: `登録から面談までが早く、条件の整理を一緒に進めてもらえました。紹介された求人の説明も具体的でした。(${letters()})`,
        usage: 'interviewed',
        status: 'approved',
        ...attributes,
        subRatings,
      },
    })
    expect(res.status(), await res.text()).toBe(201)
  }
  return doc.slug
}

test.beforeAll(async ({ request }) => {
  slug = await agentWithReviews(request)
})

test('filtering lands on the results with only the chosen conditions in the address', async ({
  page,
}) => {
  await page.goto(`/agents/${slug}`)
  const form = page.getByRole('form', { name: '口コミの絞り込み' })
  await form.getByLabel('業界').selectOption('it')
  await form.getByRole('button', { name: 'この条件で表示' }).click()
  await expect(page).toHaveURL(new RegExp(`/agents/${slug}\\?industry=it#reviews$`))
  // the results, not the top of the page, are in view
  const heading = page.locator('#reviews-title')
  await expect(heading).toBeInViewport()
  await expect(page.getByRole('heading', { level: 1 })).not.toBeInViewport()
  await expect(page.getByTestId('review')).toHaveCount(6)
  // 「条件をクリア」 goes back to every review, still at the list
  await page.getByRole('link', { name: '条件をクリア' }).click()
  await expect(page).toHaveURL(new RegExp(`/agents/${slug}#reviews$`))
  await expect(heading).toBeInViewport()
})

test('each page of the newest-first list is canonical to itself; sorted and filtered views fold', async ({
  request,
}) => {
  const canonical = async (query: string) => {
    const res = await request.get(`/agents/${slug}${query}`)
    expect(res.status(), query).toBe(200)
    const html = await res.text()
    return {
      href: /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1],
      title: /<title>([^<]*)<\/title>/.exec(html)?.[1],
    }
  }
  const page2 = await canonical('?page=2')
  expect(new URL(page2.href!).search).toBe('?page=2')
  expect(page2.title).toContain('2ページ目')
  const first = await canonical('')
  expect(new URL(first.href!).pathname).toBe(`/agents/${slug}`)
  expect(new URL(first.href!).search).toBe('')
  for (const query of ['?sort=helpful&page=2', '?industry=it']) {
    const folded = await canonical(query)
    expect(new URL(folded.href!).search, query).toBe('')
  }
  // the empty choices of a plain form post are redirected away
  const untidy = await request.get(`/agents/${slug}?age=&industry=it&rating=&sort=newest`, {
    maxRedirects: 0,
  })
  expect(untidy.status()).toBe(307)
  expect(untidy.headers().location).toMatch(new RegExp(`/agents/${slug}\\?industry=it$`))
})

test('the privacy note appears only where the rule grouped or withheld an answer, saying which', async ({
  page,
}) => {
  await page.goto(`/agents/${slug}`)
  const review = (key: string) =>
    page.getByTestId('review').filter({ has: page.getByRole('heading', { name: titles[key] }) })
  // three alike: shown as answered, no note
  // (newest first: the 30代 three are the oldest and partly on page 2)
  await expect(
    review('common20-0').getByRole('list', { name: '投稿者の属性' }).getByRole('listitem'),
  ).toHaveText(['20代男性', 'IT・通信', '実務経験1~3年'])
  await expect(review('common20-0').getByTestId('privacy-note')).toHaveCount(0)
  // nothing answered: nothing to say
  await expect(review('silent').getByTestId('privacy-note')).toHaveCount(0)
  await expect(review('silent').getByRole('list', { name: '投稿者の属性' })).toHaveCount(0)
  // a combination nobody else has: some answers withheld, and the note says so
  await expect(review('alone').getByTestId('privacy-note')).toContainText('伏せて')
})

test('averages need 3 reviews and read in the taxonomy’s order', async ({ page }) => {
  await page.goto(`/agents/${slug}`)
  const ages = page.getByRole('region', { name: '年代別の平均評価' })
  await expect(ages.locator('dt')).toHaveText(['20代', '30代', '50代以上'])
  // one review answered 担当者の対応: no item average from it
  await expect(page.getByRole('heading', { name: '項目別の評価' })).toHaveCount(0)
})

test.describe('the answer to a post is in view', () => {
  const send = async (page: Page) => {
    await page.goto(`/agents/${slug}`)
    await page.getByText(/の口コミを書く$/).click()
    const form = page.getByRole('form', { name: /口コミ投稿フォーム$/ })
    await form.getByLabel('タイトル').fill('面談の印象')
    await form.getByRole('button', { name: '口コミを投稿する' }).click()
    return page.getByRole('alert').filter({ hasText: '問題があります' })
  }

  test('with JavaScript: focus and view move to the error summary', async ({ page }) => {
    const summary = await send(page)
    await expect(summary).toBeFocused()
    await expect(summary).toBeInViewport()
    await expect(page.getByLabel('タイトル')).toHaveValue('面談の印象')
  })

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })
    test('the post comes back at the form, with the summary in view', async ({ page }) => {
      const summary = await send(page)
      await expect(page).toHaveURL(new RegExp(`/agents/${slug}#review-form$`))
      await expect(summary).toBeInViewport()
      await expect(page.getByLabel('タイトル')).toHaveValue('面談の印象')
    })
  })
})

test('targets a thumb can hit and stars that can be seen', async ({ page }) => {
  await page.goto(`/agents/${slug}`)
  const review = page.getByTestId('review').first()
  await review.getByText('通報する').click()
  const reasons = review.getByRole('radio')
  expect(await reasons.count()).toBeGreaterThan(1)
  for (const label of await review.locator('label:has(input[type="radio"])').all()) {
    expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(44)
  }
  const criteria = page.getByRole('link', { name: '審査の基準' })
  const box = (await criteria.boundingBox())!
  expect(box.height).toBeGreaterThanOrEqual(44)
  expect(box.width).toBeGreaterThanOrEqual(44)

  // each star colour against the white page: at least 3:1 (WCAG 1.4.11); the browser paints
  // each computed colour (lab(), oklch() or rgb()) on a canvas and reads back its sRGB bytes
  const colours = await page
    .getByRole('img', { name: /^5点中/ })
    .first()
    .locator('span')
    .evaluateAll((spans) =>
      spans.map((span) => {
        const canvas = document.createElement('canvas')
        canvas.width = canvas.height = 1
        const context = canvas.getContext('2d')!
        context.fillStyle = getComputedStyle(span).color
        context.fillRect(0, 0, 1, 1)
        return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)]
      }),
    )
  expect(colours).toHaveLength(2)
  for (const colour of colours) {
    expect(contrastOnWhite(colour), colour.join(',')).toBeGreaterThanOrEqual(3)
  }
})

/** WCAG contrast of an sRGB colour (bytes) against white. */
function contrastOnWhite(bytes: number[]): number {
  const [r, g, b] = bytes.map((byte) => {
    const c = byte / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  return 1.05 / (luminance + 0.05)
}
