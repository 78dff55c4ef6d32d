// Refusals the site means are logged as what they are: one info line with their message, never
// an ERROR with a stack (an alert on ERROR must mean something broke).
import type { Payload } from 'payload'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import {
  agentData,
  articleData,
  blockNode,
  createCategory,
  createUser,
  lexical,
} from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'
import { rest } from '@/tests/helpers/rest'

const sys = { overrideAccess: true as const, depth: 0 }
const PASSWORD = 'admin-refusal-log-2026'
let payload: Payload
let token: string

beforeAll(async () => {
  payload = await getTestPayload()
  const admin = await createUser(payload, 'admin')
  await payload.update({ ...sys, collection: 'users', id: admin.id, data: { password: PASSWORD } })
  token = (
    await payload.login({ collection: 'users', data: { email: admin.email, password: PASSWORD } })
  ).token!
})

afterEach(() => vi.restoreAllMocks())

describe('logs of refused requests', () => {
  it('a 409 for deleting an agent a published page shows is an info line without a stack', async () => {
    const agent = await payload.create({ ...sys, collection: 'agents', data: agentData() })
    const category = await createCategory(payload)
    const author = await createUser(payload, 'writer')
    await payload.create({
      ...sys,
      collection: 'articles',
      data: articleData(category.id, author.id, {
        _status: 'published',
        body: lexical(blockNode('agentCard', { agent: agent.id })),
      }),
    })
    const error = vi.spyOn(payload.logger, 'error')
    const info = vi.spyOn(payload.logger, 'info')
    const answer = await rest(`agents/${agent.id}`, token, 'DELETE')
    expect(answer.status).toBe(409)
    const message = String(answer.body.errors?.[0]?.message)
    expect(message).toContain('削除できません')
    expect(error).not.toHaveBeenCalled()
    expect(info).toHaveBeenCalledWith({ msg: message })
  })
})
