import { describe, expect, it } from 'vitest'

import { dayInJapan, deviceClass, isBotClick, visitorKey } from './classify'

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
const IPAD =
  'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
const WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

describe('click classification', () => {
  it('tells phones, tablets and computers apart', () => {
    expect(deviceClass(IPHONE)).toBe('mobile')
    expect(deviceClass(IPAD)).toBe('tablet')
    expect(deviceClass(WINDOWS)).toBe('desktop')
    expect(deviceClass('')).toBe('desktop')
  })

  it('flags crawlers, link previews, HEAD requests and empty user agents as bots, not readers', () => {
    expect(isBotClick('GET', WINDOWS)).toBe(false)
    expect(isBotClick('GET', IPHONE)).toBe(false)
    expect(isBotClick('HEAD', IPHONE)).toBe(true)
    expect(isBotClick('GET', '')).toBe(true)
    for (const ua of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'facebookexternalhit/1.1',
      'Twitterbot/1.0',
      'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
      'WhatsApp/2.23.20.0',
      'curl/8.5.0',
    ])
      expect(isBotClick('GET', ua), ua).toBe(true)
  })

  it('keys a visitor by a daily hash: the same reader once a day, another key the next day', () => {
    const morning = new Date('2026-11-25T00:30:00Z') // 09:30 in Japan
    const evening = new Date('2026-11-25T13:00:00Z') // 22:00 in Japan
    const nextDay = new Date('2026-11-25T15:30:00Z') // 00:30 on the 26th in Japan
    expect(dayInJapan(nextDay)).toBe('2026-11-26')
    const key = visitorKey('203.0.113.9', IPHONE, morning)
    expect(key).toMatch(/^[0-9a-f]{32}$/)
    expect(visitorKey('203.0.113.9', IPHONE, evening)).toBe(key)
    expect(visitorKey('203.0.113.9', IPHONE, nextDay)).not.toBe(key)
    expect(visitorKey('203.0.113.9', WINDOWS, morning)).not.toBe(key)
  })
})
