import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { getPersonBySlug } from '@/lib/queries/people'
import { createUser } from '@/tests/helpers/fixtures'
import { getTestPayload } from '@/tests/helpers/payload'

// The authors' pages (/authors/[slug]): a staff member has one once their profile address is
// set; many have none; no two share one; readers get the byline fields, never the account.

let payload: Payload
beforeAll(async () => {
  payload = await getTestPayload()
})

const setSlug = (id: string | number, profileSlug: string | null) =>
  payload.update({ collection: 'users', id, data: { profileSlug }, overrideAccess: true })

describe('profile addresses', () => {
  it('many people have none, on either database (no unique index counting the empty ones)', async () => {
    const people = [await createUser(payload, 'writer'), await createUser(payload, 'writer')]
    for (const person of people) {
      expect((await setSlug(person.id, null)).profileSlug ?? null).toBeNull()
    }
  })

  it('no two people share one, and the refusal says why', async () => {
    const [a, b] = [await createUser(payload, 'writer'), await createUser(payload, 'editor')]
    const slug = `person-${String(a.id).slice(-6).toLowerCase()}`
    await setSlug(a.id, slug)
    const refused = await setSlug(b.id, slug).catch((error: unknown) => error)
    expect(String((refused as Error).message)).toMatch(/profileSlug|プロフィールページのURL/)
    expect(JSON.stringify((refused as { data?: unknown }).data)).toContain(
      'このプロフィールページのURLはほかの人が使っています。',
    )
    // saving one's own again is no clash
    expect((await setSlug(a.id, slug)).profileSlug).toBe(slug)
    const bad = await setSlug(b.id, 'Not A Slug').catch((error: unknown) => error)
    expect(JSON.stringify((bad as { data?: unknown }).data)).toContain('半角英小文字')
  })

  it('readers get the byline fields only', async () => {
    const person = await createUser(payload, 'writer')
    const slug = `byline-${String(person.id).slice(-6).toLowerCase()}`
    await payload.update({
      collection: 'users',
      id: person.id,
      data: { profileSlug: slug, qualification: 'キャリアコンサルタント', bio: '経歴' },
      overrideAccess: true,
    })
    const found = await getPersonBySlug(slug)
    expect(found).toEqual({
      id: person.id,
      displayName: person.displayName,
      profileSlug: slug,
      qualification: 'キャリアコンサルタント',
      bio: '経歴',
    })
    expect(JSON.stringify(found)).not.toContain(person.email)
    expect(await getPersonBySlug('no-such-person-here')).toBeNull()
  })
})
