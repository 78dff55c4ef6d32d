import { randomBytes } from 'node:crypto'

import { expect, test, type APIRequestContext } from '@playwright/test'

import { DEMO_USERS } from '../../scripts/seed/data/people'
import { lexical, paragraph } from '../helpers/fixtures'
import { apiToken, type DemoRole } from '../helpers/login'
import { transitionRefusal } from '../../lib/workflow'

// The role × operation matrix through the REST API of the running site, signed in with each
// demo account's token (anonymous: no token). Every collection and the site settings global;
// each cell is what the server answered, so a hole anywhere shows up as a changed table.

type Role = 'anonymous' | 'writer' | 'editor' | 'marketer' | 'admin'
const ROLES: Role[] = ['anonymous', 'writer', 'editor', 'marketer', 'admin']
type Op = 'create' | 'read' | 'update' | 'delete' | 'publish'
type Row = Partial<Record<Op, boolean>>

const s = () => randomBytes(4).toString('hex')
const tokens: Partial<Record<Role, string>> = {}

const headers = (role: Role): Record<string, string> =>
  role === 'anonymous' ? {} : { Authorization: `JWT ${tokens[role]}` }

/** true for a 2xx answer, false for a refusal (401/403/404); anything else fails the test. */
async function outcome(response: Awaited<ReturnType<APIRequestContext['get']>>, what: string) {
  if (response.ok()) return true
  if ([401, 403, 404].includes(response.status())) return false
  throw new Error(`${what}: unexpected ${response.status()} ${await response.text()}`)
}

async function as(request: APIRequestContext, role: Role) {
  const call = async (method: 'get' | 'post' | 'patch' | 'delete', path: string, data?: unknown) =>
    request[method](`/api/${path}`, {
      headers: headers(role),
      ...(data === undefined ? {} : { data }),
    })
  return call
}

/** Creates as admin and returns the new document's id. */
async function adminCreate(request: APIRequestContext, collection: string, data: unknown) {
  const res = await request.post(`/api/${collection}`, { headers: headers('admin'), data })
  expect(res.status(), `${collection}: ${await res.text()}`).toBe(201)
  return ((await res.json()) as { doc: { id: string | number } }).doc.id
}

test.beforeAll(async ({ request }) => {
  for (const role of ROLES.filter((r) => r !== 'anonymous')) {
    tokens[role] = await apiToken(request, role as DemoRole)
  }
})

async function categoryId(request: APIRequestContext) {
  const res = await request.get('/api/categories?limit=1&depth=0')
  return ((await res.json()) as { docs: { id: string | number }[] }).docs[0].id
}
async function agentId(request: APIRequestContext) {
  const res = await request.get('/api/agents?limit=1&depth=0')
  return ((await res.json()) as { docs: { id: string | number }[] }).docs[0].id
}
async function userId(request: APIRequestContext, email: string) {
  const res = await request.get(`/api/users?where[email][equals]=${email}&depth=0`, {
    headers: headers('admin'),
  })
  return ((await res.json()) as { docs: { id: string | number }[] }).docs[0].id
}

const articleBody = (title: string) => lexical(paragraph(title))

type Spec = {
  /** the expected answers, one row per role */
  expected: Record<Role, Row>
  /** performs each operation as the role and reports whether it was allowed */
  run: (request: APIRequestContext, role: Role) => Promise<Row>
}

const specs: Record<string, Spec> = {
  categories: {
    expected: {
      anonymous: { read: true, create: false, update: false, delete: false },
      writer: { read: true, create: false, update: false, delete: false },
      editor: { read: true, create: true, update: true, delete: true },
      marketer: { read: true, create: false, update: false, delete: false },
      admin: { read: true, create: true, update: true, delete: true },
    },
    run: async (request, role) => {
      const call = await as(request, role)
      const id = await adminCreate(request, 'categories', {
        name: `権限${s()}`,
        slug: `acl-${s()}`,
      })
      return {
        read: await outcome(await call('get', `categories/${id}`), 'read'),
        create: await outcome(
          await call('post', 'categories', { name: `作成${s()}`, slug: `acl-${s()}` }),
          'create',
        ),
        update: await outcome(
          await call('patch', `categories/${id}`, { description: '更新' }),
          'update',
        ),
        delete: await outcome(await call('delete', `categories/${id}`), 'delete'),
      }
    },
  },
  agents: {
    expected: {
      anonymous: { read: true, create: false, update: false, delete: false },
      writer: { read: true, create: false, update: false, delete: false },
      editor: { read: true, create: true, update: true, delete: true },
      marketer: { read: true, create: false, update: true, delete: false },
      admin: { read: true, create: true, update: true, delete: true },
    },
    run: async (request, role) => {
      const call = await as(request, role)
      const agent = () => ({
        name: `権限テスト${s()}`,
        slug: `acl-${s()}`,
        kind: 'freelance',
        catchCopy: 'キャッチコピー',
        description: '紹介文です。',
        strengths: [{ text: '強み' }],
      })
      const id = await adminCreate(request, 'agents', agent())
      return {
        read: await outcome(await call('get', `agents/${id}`), 'read'),
        create: await outcome(await call('post', 'agents', agent()), 'create'),
        update: await outcome(await call('patch', `agents/${id}`, { catchCopy: '更新' }), 'update'),
        delete: await outcome(await call('delete', `agents/${id}`), 'delete'),
      }
    },
  },
  reviews: {
    expected: {
      anonymous: { read: false, create: false, update: false, delete: false },
      writer: { read: true, create: false, update: false, delete: false },
      editor: { read: true, create: true, update: true, delete: true },
      marketer: { read: true, create: false, update: false, delete: false },
      admin: { read: true, create: true, update: true, delete: true },
    },
    run: async (request, role) => {
      const call = await as(request, role)
      const review = async () => ({
        agent: await agentId(request),
        rating: 4,
        title: '権限テストの口コミ',
        // each body differs: a copy of another review's body is refused as a duplicate
        body: `担当者の対応が丁寧で、希望に合う案件を短期間で紹介してもらえました。(${Math.random().toString(36).slice(2)})`,
        usage: 'registered',
      })
      // a pending review: only staff may see it
      const id = await adminCreate(request, 'reviews', await review())
      return {
        read: await outcome(await call('get', `reviews/${id}`), 'read'),
        create: await outcome(await call('post', 'reviews', await review()), 'create'),
        update: await outcome(
          await call('patch', `reviews/${id}`, { status: 'approved' }),
          'update',
        ),
        delete: await outcome(await call('delete', `reviews/${id}`), 'delete'),
      }
    },
  },
  articles: {
    expected: {
      anonymous: { read: false, create: false, update: false, delete: false, publish: false },
      writer: { read: true, create: true, update: false, delete: false, publish: false },
      editor: { read: true, create: true, update: true, delete: true, publish: true },
      marketer: { read: true, create: false, update: false, delete: false, publish: false },
      admin: { read: true, create: true, update: true, delete: true, publish: true },
    },
    run: async (request, role) => {
      const call = await as(request, role)
      const article = async (extra: Record<string, unknown> = {}) => {
        const title = `権限テスト記事${s()}`
        return {
          title,
          slug: `acl-${s()}`,
          lead: 'リード文です。',
          body: articleBody(title),
          categories: [await categoryId(request)],
          author: await userId(request, 'editor@example.com'),
          _status: 'draft',
          ...extra,
        }
      }
      // an editor's unpublished draft: readers never see it, writers may not edit it
      const draft = await adminCreate(request, 'articles?draft=true', await article())
      const approved = await adminCreate(
        request,
        'articles?draft=true',
        await article({ workflowState: 'approved' }),
      )
      return {
        read: await outcome(await call('get', `articles/${draft}?draft=true`), 'read'),
        create: await outcome(await call('post', 'articles?draft=true', await article()), 'create'),
        update: await outcome(
          await call('patch', `articles/${draft}?draft=true`, { lead: '書き換え' }),
          'update',
        ),
        publish: await outcome(
          await call('patch', `articles/${approved}`, { _status: 'published' }),
          'publish',
        ),
        delete: await outcome(await call('delete', `articles/${draft}`), 'delete'),
      }
    },
  },
  'article-transitions': {
    expected: {
      anonymous: { read: false, create: false, update: false, delete: false },
      writer: { read: true, create: false, update: false, delete: false },
      editor: { read: true, create: false, update: false, delete: false },
      marketer: { read: false, create: false, update: false, delete: false },
      admin: { read: true, create: false, update: false, delete: true },
    },
    run: async (request, role) => {
      const call = await as(request, role)
      const list = await request.get('/api/article-transitions?limit=50&depth=0', {
        headers: headers('admin'),
      })
      const docs = ((await list.json()) as { docs: { id: string | number; article: unknown }[] })
        .docs
      const mine = docs[ROLES.indexOf(role)]
      return {
        read: await outcome(await call('get', `article-transitions/${mine.id}`), 'read'),
        create: await outcome(
          await call('post', 'article-transitions', { to: 'published', comment: '偽造' }),
          'create',
        ),
        update: await outcome(
          await call('patch', `article-transitions/${mine.id}`, { comment: '改ざん' }),
          'update',
        ),
        delete: await outcome(await call('delete', `article-transitions/${mine.id}`), 'delete'),
      }
    },
  },
  'affiliate-links': {
    expected: {
      anonymous: { read: false, create: false, update: false, delete: false },
      writer: { read: true, create: false, update: false, delete: false },
      editor: { read: true, create: false, update: false, delete: false },
      marketer: { read: true, create: true, update: true, delete: true },
      admin: { read: true, create: true, update: true, delete: true },
    },
    run: async (request, role) => {
      const call = await as(request, role)
      const link = async (status = 'active') => ({
        name: `権限リンク${s()}`,
        slug: `acl-${s()}`,
        agent: await agentId(request),
        asp: 'a8',
        destinationUrl: `https://acl-${s()}.example/entry`,
        status,
      })
      // a paused link: visitors may not even learn it exists
      const id = await adminCreate(request, 'affiliate-links', await link('paused'))
      return {
        read: await outcome(await call('get', `affiliate-links/${id}`), 'read'),
        create: await outcome(await call('post', 'affiliate-links', await link()), 'create'),
        update: await outcome(
          await call('patch', `affiliate-links/${id}`, { notes: '更新' }),
          'update',
        ),
        delete: await outcome(await call('delete', `affiliate-links/${id}`), 'delete'),
      }
    },
  },
  clicks: {
    expected: {
      anonymous: { read: false, create: false },
      writer: { read: false, create: false },
      editor: { read: true, create: false },
      marketer: { read: true, create: false },
      admin: { read: true, create: false },
    },
    run: async (request, role) => {
      const call = await as(request, role)
      const links = await request.get('/api/affiliate-links?limit=1&depth=0', {
        headers: headers('admin'),
      })
      const link = ((await links.json()) as { docs: { id: string | number }[] }).docs[0].id
      return {
        read: await outcome(await call('get', 'clicks?limit=1'), 'read'),
        create: await outcome(
          await call('post', 'clicks', { link, placement: 'forged', deviceClass: 'desktop' }),
          'create',
        ),
      }
    },
  },
  users: {
    expected: {
      anonymous: { read: false, create: false, update: false, delete: false },
      writer: { read: true, create: false, update: false, delete: false },
      editor: { read: true, create: false, update: false, delete: false },
      marketer: { read: true, create: false, update: false, delete: false },
      admin: { read: true, create: true, update: true, delete: true },
    },
    run: async (request, role) => {
      const call = await as(request, role)
      const user = () => ({
        email: `acl-${s()}@test.example`,
        password: `pw-${s()}-long-enough`,
        displayName: '権限テスト',
        roles: ['writer'],
      })
      const id = await adminCreate(request, 'users', user())
      return {
        read: await outcome(await call('get', `users/${id}`), 'read'),
        create: await outcome(await call('post', 'users', user()), 'create'),
        update: await outcome(
          await call('patch', `users/${id}`, { displayName: '乗っ取り' }),
          'update',
        ),
        delete: await outcome(await call('delete', `users/${id}`), 'delete'),
      }
    },
  },
  'site-settings (global)': {
    expected: {
      anonymous: { read: true, update: false },
      writer: { read: true, update: false },
      editor: { read: true, update: true },
      marketer: { read: true, update: false },
      admin: { read: true, update: true },
    },
    run: async (request, role) => {
      const call = await as(request, role)
      const current = await (await request.get('/api/globals/site-settings?depth=0')).json()
      return {
        read: await outcome(await call('get', 'globals/site-settings'), 'read'),
        update: await outcome(
          await call('post', 'globals/site-settings', { siteName: current.siteName }),
          'update',
        ),
      }
    },
  },
}

test.describe('REST API access by role', () => {
  for (const [name, spec] of Object.entries(specs)) {
    test(name, async ({ request }) => {
      const actual = {} as Record<Role, Row>
      for (const role of ROLES) actual[role] = await spec.run(request, role)
      expect(actual).toEqual(spec.expected)
    })
  }

  test('readers never reach a draft through the API or the site', async ({ request }) => {
    const list = await request.get('/api/articles?draft=true&limit=100&depth=0')
    const docs = ((await list.json()) as { docs: { slug: string; _status: string }[] }).docs
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((d) => d._status === 'published')).toBe(true)
    expect(docs.some((d) => d.slug === 'side-job-rules')).toBe(false)
    expect((await request.get('/articles/side-job-rules')).status()).toBe(404)
    const preview = await request.get('/preview?slug=side-job-rules&secret=guess', {
      maxRedirects: 0,
    })
    expect(preview.status()).toBe(401)
  })

  test('GraphQL obeys the same workflow rules', async ({ request }) => {
    const title = `GraphQL記事${s()}`
    const id = await adminCreate(request, 'articles?draft=true', {
      title,
      slug: `gql-${s()}`,
      lead: 'リード文です。',
      body: articleBody(title),
      categories: [await categoryId(request)],
      author: await userId(request, 'writer@example.com'),
      _status: 'draft',
      workflowState: 'in_review',
    })
    const mutate = async (role: Role, data: string) => {
      const res = await request.post('/api/graphql', {
        headers: headers(role),
        data: {
          query: `mutation { updateArticle(id: ${JSON.stringify(id)}, data: ${data}) { workflowState _status } }`,
        },
      })
      return (await res.json()) as {
        data?: { updateArticle: { workflowState: string } | null }
        errors?: { message: string; extensions?: { statusCode?: number } }[]
      }
    }
    // each refusal is the workflow's own, with its status: a syntax error would not pass
    const refused = await mutate('writer', '{ workflowState: approved }')
    expect(refused.errors?.[0]).toMatchObject({
      message: transitionRefusal('in_review', 'approved'),
      extensions: { statusCode: 403 },
    })
    expect(refused.data?.updateArticle ?? null).toBeNull()
    const marketer = await mutate('marketer', '{ _status: published }')
    expect(marketer.errors?.[0]).toMatchObject({
      message: 'このアクションは許可されていません。',
      extensions: { statusCode: 403 },
    })
    const approved = await mutate('editor', '{ workflowState: approved }')
    expect(approved.errors).toBeUndefined()
    expect(approved.data?.updateArticle?.workflowState).toBe('approved')
  })

  test('a session cookie is ignored on requests from a foreign origin (CSRF)', async ({
    playwright,
    baseURL,
  }) => {
    const context = await playwright.request.newContext({ baseURL })
    const editor = DEMO_USERS.find((u) => u.roles[0] === 'editor')!
    const login = await context.post('/api/users/login', {
      data: { email: editor.email, password: editor.password },
    })
    expect(login.ok()).toBe(true)
    const me = async (origin: string) =>
      (
        (await (await context.get('/api/users/me', { headers: { Origin: origin } })).json()) as {
          user: { email: string } | null
        }
      ).user
    expect((await me(baseURL!))?.email).toBe(editor.email)
    expect(await me('https://evil.example')).toBeNull()
    await context.dispose()
  })

  test('only the server’s own runner and admins may run the jobs queue', async ({ request }) => {
    for (const role of ROLES) {
      const res = await request.get('/api/payload-jobs/run?queue=scheduled', {
        headers: headers(role),
      })
      if (role === 'admin') expect(res.status(), role).toBe(200)
      else expect([401, 403], role).toContain(res.status())
    }
  })

  test('the compliance CSV is for editors and admins only', async ({ request }) => {
    for (const role of ROLES) {
      const res = await request.get('/api/compliance.csv', { headers: headers(role) })
      expect(res.status(), role).toBe(role === 'editor' || role === 'admin' ? 200 : 403)
      if (res.ok()) {
        expect(res.headers()['content-type']).toContain('text/csv')
        expect(await res.text()).toContain('エージェント情報が古い')
      }
    }
  })
})
