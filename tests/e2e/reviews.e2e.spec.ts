import { randomBytes } from 'node:crypto'

import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test'

import { apiToken, loginAs } from '../helpers/login'

// A reader writes a review of an agent, with JavaScript off (a plain form post) and on; it
// waits for moderation and is not public until then.

const AGENT = 'michibiki'

const tag = () => randomBytes(4).toString('hex')
const bodyText = (seed: string) =>
  `登録した翌週に面談があり、希望条件を細かく聞いてもらえました。紹介された求人は希望に近いものが多く、職務経歴書の添削も具体的でした。連絡の頻度も相談して決められたので、在職中でも無理なく進められました。(${seed})`

const reviewForm = (page: Page) => page.getByRole('form', { name: /口コミ投稿フォーム$/ })

async function fillReview(page: Page, title: string, body: string) {
  const form: Locator = reviewForm(page)
  await form.getByRole('radio', { name: /^4/ }).check()
  await form.getByLabel('担当者の対応').selectOption('5')
  await form.getByLabel('タイトル').fill(title)
  await form.getByLabel('口コミ本文').fill(body)
  await form.getByLabel('年代').selectOption('30s')
  await form.getByLabel('業界').selectOption('it')
  await form.getByLabel('年', { exact: true }).selectOption('2025')
  await form.getByLabel('月', { exact: true }).selectOption('4')
  await form.getByRole('radio', { name: '面談まで' }).check()
  await form.getByRole('radio', { name: 'いいえ' }).check()
  await form.getByRole('checkbox', { name: /口コミ投稿ガイドラインに同意する/ }).check()
}

async function storedReview(request: APIRequestContext, title: string) {
  const token = await apiToken(request, 'editor')
  const res = await request.get(
    `/api/reviews?where[title][equals]=${encodeURIComponent(title)}&depth=0`,
    { headers: { Authorization: `JWT ${token}` } },
  )
  return ((await res.json()) as { docs: Record<string, unknown>[] }).docs
}

test.describe('without JavaScript', () => {
  test.use({
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'X-Forwarded-For': `192.0.2.${Math.floor(Math.random() * 200) + 1}` },
  })

  test('errors appear beside the fields, nothing typed is lost, and the review waits for moderation', async ({
    page,
    request,
  }) => {
    const title = `面談の日程調整が早かった${tag()}`
    await page.goto(`/agents/${AGENT}/review`)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('口コミを書く')
    await page.getByLabel('タイトル').fill(title)
    await page.getByLabel('口コミ本文').fill('短すぎる本文')
    await page.getByLabel('ペンネーム').fill('ミチビキ公式')
    await page.getByRole('button', { name: '口コミを投稿する' }).click()

    await expect(page.getByRole('alert')).toContainText('問題があります')
    await expect(
      page.getByText('運営者・公式・編集部と紛らわしいペンネームは使えません。'),
    ).toBeVisible()
    await expect(page.getByLabel('ペンネーム')).toHaveValue('ミチビキ公式')
    await expect(page.getByText('総合評価を1〜5の星から選んでください。')).toBeVisible()
    await expect(
      page.getByText(/本文は100〜2,000文字で入力してください\(いま6文字\)/),
    ).toBeVisible()
    await expect(page.getByLabel('口コミ本文')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByLabel('タイトル')).toHaveValue(title)
    await expect(page.getByLabel('口コミ本文')).toHaveValue('短すぎる本文')

    await fillReview(page, title, bodyText(tag()))
    await page.getByLabel('ペンネーム').fill('週末の転職者')
    await page.getByRole('button', { name: '口コミを投稿する' }).click()
    await expect(page.getByRole('status')).toContainText('審査後に掲載されます')

    const [review] = await storedReview(request, title)
    expect(review).toMatchObject({
      status: 'pending',
      source: 'form',
      usage: 'interviewed',
      penName: '週末の転職者',
    })
    // not on the agent page, nor in the public API, until it is approved
    await expect((await request.get(`/agents/${AGENT}`)).text()).resolves.not.toContain(title)
    // by its id: visitors' API queries must name an id or a reference (the API guard)
    const [stored] = await storedReview(request, title)
    const open = await request.get(`/api/reviews?where[id][equals]=${stored!.id}`)
    expect(((await open.json()) as { totalDocs: number }).totalDocs).toBe(0)
  })
})

test.describe('with JavaScript', () => {
  test.use({
    extraHTTPHeaders: { 'X-Forwarded-For': `192.0.2.${Math.floor(Math.random() * 200) + 1}` },
  })

  test('the form on the agent page sends in place, and a second copy is refused', async ({
    page,
    request,
  }) => {
    const title = `添削が丁寧で通過率が上がった${tag()}`
    const body = bodyText(tag())
    await page.goto(`/agents/${AGENT}`)
    await page.locator('summary', { hasText: 'の口コミを書く' }).click()
    await fillReview(page, title, body)
    await page.getByRole('button', { name: '口コミを投稿する' }).click()
    await expect(page.getByRole('status')).toContainText('審査後に掲載されます')
    expect(await storedReview(request, title)).toHaveLength(1)

    // the same text again, for another agent, from the form's own address
    await page.goto('/agents/freelance-port/review')
    await fillReview(page, `${title}2`, body)
    await page.getByRole('button', { name: '口コミを投稿する' }).click()
    await expect(page.getByText(/同じ内容の口コミがすでに投稿されています/)).toBeVisible()
    await expect(page.getByLabel('口コミ本文')).toHaveValue(body)
    expect(await storedReview(request, `${title}2`)).toHaveLength(0)
  })

  test('the form and the agent page fit a 375 px phone without sideways scrolling', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto(`/agents/${AGENT}/review`)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBe(0)
    await page.screenshot({ path: 'test-results/review-form-375.png', fullPage: true })
    // and the agent page with its figures by item and by reader
    await page.goto(`/agents/${AGENT}`)
    await expect(page.getByTestId('review-outcomes')).toContainText('過去12か月に寄せられた口コミ')
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBe(0)
    await page.screenshot({ path: 'test-results/agent-page-375.png', fullPage: true })
  })
})

test.describe('moderation', () => {
  test('an editor approves one review and rejects another from the queue; readers see only the approved one', async ({
    page,
    request,
  }) => {
    const agent = 'it-works-gate'
    const approvedTitle = `案件の紹介が早かった${tag()}`
    const rejectedTitle = `紹介が遅かった${tag()}`
    for (const [i, title] of [approvedTitle, rejectedTitle].entries()) {
      // two readers (one review per agent per reader)
      await page.setExtraHTTPHeaders({ 'X-Forwarded-For': `198.51.100.${i + 1}` })
      await page.goto(`/agents/${agent}/review`)
      await fillReview(page, title, bodyText(tag()))
      await page.getByRole('button', { name: '口コミを投稿する' }).click()
      await expect(page.getByRole('status')).toContainText('審査後に掲載されます')
    }
    const before = await (await request.get(`/agents/${agent}`)).text()
    const countBefore = Number(/口コミ(\d+)件/.exec(before)?.[1])

    await loginAs(page, 'editor')
    await page.goto('/admin/review-queue')
    await expect(page.getByRole('heading', { name: '口コミ審査' })).toBeVisible()
    await page.getByRole('button', { name: `「${approvedTitle}」を承認` }).click()
    // (the admin has live regions of its own)
    const outcome = page.getByRole('status').filter({ hasText: /件を/ })
    await expect(outcome).toHaveText('1件を承認しました。')
    // a rejection needs a reason from the list, asked in the row where 却下 was clicked
    const row = page.locator('tr', { hasText: rejectedTitle })
    await row.getByRole('button', { name: `「${rejectedTitle}」を却下` }).click()
    const problem = row.getByRole('alert')
    await expect(problem).toHaveText('却下する理由を選んでください。')
    await expect(problem).toBeInViewport()
    await expect(row.getByLabel('却下の理由')).toBeFocused()
    // 「その他」 asks for its note there too
    await row.getByLabel('却下の理由').selectOption({ label: 'その他' })
    await row.getByRole('button', { name: `「${rejectedTitle}」を却下` }).click()
    await expect(problem).toHaveText('「その他」の場合は理由を書いてください。')
    await row.getByLabel('却下の理由').selectOption({ label: '宣伝・スパム' })
    await page.screenshot({ path: 'test-results/review-queue-1280.png' })
    await row.getByRole('button', { name: `「${rejectedTitle}」を却下` }).click()
    await expect(outcome).toHaveText('1件を却下しました。')
    await expect(page.getByText(rejectedTitle)).toHaveCount(0)

    // within a second the agent page shows the approved review and the new count
    await expect(async () => {
      const html = await (await request.get(`/agents/${agent}`)).text()
      expect(html).toContain(approvedTitle)
      expect(Number(/口コミ(\d+)件/.exec(html)?.[1])).toBe(countBefore + 1)
    }).toPass({ timeout: 1_000, intervals: [100] })
    const html = await (await request.get(`/agents/${agent}`)).text()
    expect(html).not.toContain(rejectedTitle)

    // the editors reply under the approved review
    const editor = await apiToken(request, 'editor')
    const [approved] = await storedReview(request, approvedTitle)
    const reply = `ご投稿ありがとうございます${tag()}`
    const patched = await request.patch(`/api/reviews/${String(approved.id)}`, {
      headers: { Authorization: `JWT ${editor}` },
      data: { reply: { author: 'editorial', text: reply } },
    })
    expect(patched.status()).toBe(200)
    await page.goto(`/agents/${agent}`)
    const answer = page
      .getByRole('complementary', { name: '編集部より' })
      .filter({ hasText: reply })
    await expect(answer).toBeVisible()
    const [rejectedReview] = await storedReview(request, rejectedTitle)
    const rest = await request.get(`/api/reviews?where[id][equals]=${rejectedReview!.id}`)
    expect(((await rest.json()) as { totalDocs: number }).totalDocs).toBe(0)
    const gql = await request.post('/api/graphql', {
      data: {
        query: `{ Reviews(where: { id: { equals: ${JSON.stringify(rejectedReview!.id)} } }) { totalDocs } }`,
      },
    })
    expect(
      ((await gql.json()) as { data: { Reviews: { totalDocs: number } } }).data.Reviews.totalDocs,
    ).toBe(0)

    // the decisions are on record with who made them
    const token = editor
    const records = await request.get(
      `/api/review-decisions?where[reviewTitle][in]=${encodeURIComponent(approvedTitle)},${encodeURIComponent(rejectedTitle)}&depth=1`,
      { headers: { Authorization: `JWT ${token}` } },
    )
    const docs = (
      (await records.json()) as {
        docs: {
          reviewTitle: string
          decision: string
          reasonCategory: string | null
          by: { email: string }
        }[]
      }
    ).docs
    expect(
      docs.map((d) => [d.reviewTitle, d.decision, d.reasonCategory, d.by.email]).sort(),
    ).toEqual(
      [
        [approvedTitle, 'approved', null, 'editor@example.com'],
        [rejectedTitle, 'rejected', 'spam', 'editor@example.com'],
      ].sort(),
    )
  })
})

test.describe('reports and votes', () => {
  const agent = 'michibiki'

  /** A published review made for this test, first on the agent page (newest first). */
  async function publishedReview(request: APIRequestContext) {
    const editor = await apiToken(request, 'editor')
    const agents = await request.get(`/api/agents?where[slug][equals]=${agent}&depth=0`)
    const agentId = ((await agents.json()) as { docs: { id: string | number }[] }).docs[0].id
    const title = `参考になった面談${tag()}`
    const res = await request.post('/api/reviews', {
      headers: { Authorization: `JWT ${editor}` },
      data: {
        agent: agentId,
        rating: 3,
        title,
        body: bodyText(tag()),
        usage: 'interviewed',
        status: 'approved',
      },
    })
    expect(res.status(), await res.text()).toBe(201)
    return title
  }

  const reviewTitled = (page: Page, title: string) =>
    page.getByTestId('review').filter({ has: page.getByRole('heading', { name: title }) })

  test('a reader votes 参考になった once; a second vote does not count; another reader’s does', async ({
    page,
    request,
    browser,
  }) => {
    const title = await publishedReview(request)
    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': '203.0.113.71' })
    await page.goto(`/agents/${agent}`)
    const review = reviewTitled(page, title)
    const vote = review.getByRole('button', { name: /参考になった/ })
    await expect(vote).toContainText('0')
    await vote.click()
    await expect(review.getByText('ありがとうございます。投票しました。')).toBeVisible()
    await expect(vote).toContainText('1')
    await expect(vote).toBeDisabled()

    // the count is on the page for everyone, and the same reader cannot vote again
    await page.reload()
    await expect(reviewTitled(page, title).getByTestId('helpful-count')).toHaveText('1')
    await reviewTitled(page, title)
      .getByRole('button', { name: /参考になった/ })
      .click()
    await expect(
      reviewTitled(page, title).getByText('この口コミにはすでに投票しています。'),
    ).toBeVisible()
    await page.reload()
    await expect(reviewTitled(page, title).getByTestId('helpful-count')).toHaveText('1')

    // another reader, without JavaScript: a plain form post
    const other = await browser.newContext({
      javaScriptEnabled: false,
      extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.72' },
    })
    const second = await other.newPage()
    await second.goto(`/agents/${agent}`)
    await reviewTitled(second, title)
      .getByRole('button', { name: /参考になった/ })
      .click()
    await expect(second.getByText('ありがとうございます。投票しました。')).toBeVisible()
    await other.close()
    await page.goto(`/agents/${agent}?sort=helpful`)
    await expect(reviewTitled(page, title).getByTestId('helpful-count')).toHaveText('2')
  })

  test('a reader reports a review; it stays up until an editor keeps it, and the decision is recorded', async ({
    page,
    request,
  }) => {
    // Earlier tests' reports are closed first, so this one is the last the editor handles: the
    // confirmation must survive the table giving way to the empty state.
    const closer = await apiToken(request, 'editor')
    for (;;) {
      const open = await request.get(
        '/api/review-reports?where[status][equals]=open&limit=50&depth=0&select[status]=true',
        { headers: { Authorization: `JWT ${closer}` } },
      )
      const { docs } = (await open.json()) as { docs: { id: string | number }[] }
      if (docs.length === 0) break
      for (const doc of docs) {
        const res = await request.patch(`/api/review-reports/${doc.id}`, {
          headers: { Authorization: `JWT ${closer}` },
          data: { status: 'dismissed' },
        })
        expect(res.ok()).toBe(true)
      }
    }
    const title = await publishedReview(request)
    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': '203.0.113.81' })
    await page.goto(`/agents/${agent}`)
    const review = reviewTitled(page, title)
    await review.getByText('通報する').click()
    await review.getByRole('radio', { name: 'その他' }).check()
    await review.getByRole('button', { name: '通報を送る' }).click()
    await expect(
      review.getByText('「その他」の場合は、どこが問題かを書いてください。'),
    ).toBeVisible()
    await review.getByLabel(/補足/).fill('利用時期と内容が合わないように思います。')
    await review.getByRole('button', { name: '通報を送る' }).click()
    await expect(review.getByRole('status').last()).toContainText('通報を受け付けました')

    // still published while it waits
    const html = await (await request.get(`/agents/${agent}`)).text()
    expect(html).toContain(title)

    await loginAs(page, 'editor')
    await page.goto('/admin/review-queue')
    await expect(page.getByRole('heading', { name: '読者からの通報' })).toBeVisible()
    const row = page.getByRole('row').filter({ hasText: title })
    await expect(row).toContainText('その他:利用時期と内容が合わないように思います。')
    await row.getByRole('button', { name: `「${title}」の掲載を続ける` }).click()
    await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(0)
    await expect(page.getByText('未対応の通報はありません。')).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: '掲載を続けます' })).toBeVisible()

    const editor = await apiToken(request, 'editor')
    const records = await request.get(
      `/api/review-decisions?where[reviewTitle][equals]=${encodeURIComponent(title)}&depth=1&sort=createdAt`,
      { headers: { Authorization: `JWT ${editor}` } },
    )
    const docs = (
      (await records.json()) as {
        docs: { decision: string; note: string | null; by: { email: string } | null }[]
      }
    ).docs
    expect(docs.at(-1)).toMatchObject({
      decision: 'approved',
      note: '通報(その他)を確認し、掲載を継続',
      by: { email: 'editor@example.com' },
    })
    expect(await (await request.get(`/agents/${agent}`)).text()).toContain(title)
  })
})
