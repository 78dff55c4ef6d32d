import { isbot } from 'isbot'
import { LRUCache } from 'lru-cache'
import { UAParser } from 'ua-parser-js'

import { internalToken } from '../internalToken'

// What a click records about who made it, without keeping who they are: the device class
// (ua-parser-js), whether it was a bot (isbot's list, plus HEAD requests and link previews,
// which never carry a reader), and a unique-visitor key: a keyed hash of the address and
// user agent whose key changes every day (Japan's day), so a reader is counted once a day and
// cannot be followed from one day to the next.

export type DeviceClass = 'mobile' | 'tablet' | 'desktop'

// readers' user agents repeat: parsing one takes ~18 µs, a cached answer well under 1
const deviceClasses = new LRUCache<string, DeviceClass>({ max: 2_000 })

export function deviceClass(userAgent: string): DeviceClass {
  const cached = deviceClasses.get(userAgent)
  if (cached) return cached
  const type = new UAParser(userAgent).getDevice().type
  const device =
    type === 'mobile' || type === 'wearable' ? 'mobile' : type === 'tablet' ? 'tablet' : 'desktop'
  deviceClasses.set(userAgent, device)
  return device
}

// link-preview fetchers that isbot's list may not name (chat apps unfurling a shared link)
const PREVIEW_FETCHERS = /(?:preview|unfurl|embed|whatsapp|line-poker|skypeuripreview|bitlybot)/i

export function isBotClick(method: string, userAgent: string): boolean {
  if (method === 'HEAD') return true
  if (!userAgent.trim()) return true
  return isbot(userAgent) || PREVIEW_FETCHERS.test(userAgent)
}

/** The day in Japan (YYYY-MM-DD) a moment falls on: the visitor key's salt changes with it. */
export const dayInJapan = (at: Date) =>
  new Date(at.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10)

export const visitorKey = (address: string, userAgent: string, at: Date) =>
  internalToken(`click-visitor:${dayInJapan(at)}:${address}\n${userAgent}`).slice(0, 32)
