import { expect, test } from '@playwright/test'

import { apiToken } from '../helpers/login'

// A reader's click on a CTA: redirected at once, and recorded by the click buffer within about
// a second (the flush interval), with where it came from, the device class and the bot flag.

const LINK = 'michibiki-a8'
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'

type Click = {
  placement: string
  deviceClass: string
  isBot: boolean
  destination: string
  visitorKey: string
}

test('a CTA click is redirected and recorded with its placement, device and bot flag', async ({
  request,
}) => {
  const token = await apiToken(request, 'marketer')
  const since = new Date(Date.now() - 1000).toISOString()
  const clicksSince = async () =>
    (
      (await (
        await request.get(
          `/api/clicks?where[createdAt][greater_than]=${since}&where[link.slug][equals]=${LINK}&limit=50&depth=0&sort=createdAt`,
          { headers: { Authorization: `JWT ${token}` } },
        )
      ).json()) as { docs: Click[] }
    ).docs

  const reader = await request.get(`/go/${LINK}?from=agent-michibiki`, {
    maxRedirects: 0,
    headers: { 'User-Agent': IPHONE, 'X-Forwarded-For': '203.0.113.151' },
  })
  expect(reader.status()).toBe(302)
  const destination = reader.headers()['location']
  const preview = await request.head(`/go/${LINK}?from=%3Cscript%3E`, {
    maxRedirects: 0,
    headers: { 'User-Agent': IPHONE, 'X-Forwarded-For': '203.0.113.152' },
  })
  expect(preview.status()).toBe(302)

  await expect(async () => expect(await clicksSince()).toHaveLength(2)).toPass({
    timeout: 3_000,
    intervals: [200],
  })
  const [click, head] = await clicksSince()
  expect(click).toMatchObject({
    placement: 'agent-michibiki',
    deviceClass: 'mobile',
    isBot: false,
    destination,
  })
  expect(click.visitorKey).toMatch(/^[0-9a-f]{32}$/)
  expect(head).toMatchObject({ placement: 'unknown', isBot: true })
  // the address is never stored
  expect(JSON.stringify([click, head])).not.toContain('203.0.113.15')
})
