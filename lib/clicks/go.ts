import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import { resolveDestination } from '@/lib/queries/affiliateLinks'

import { recordClick } from './buffer'
import { deviceClass, isBotClick, visitorKey } from './classify'
import {
  cachedLink,
  cachedSubIdRules,
  peekLink,
  peekSubIdRules,
  type CachedLink,
  type SubIdRules,
} from './linkCache'
import { knownPlacement, resolvePlacement, resolveSlot, type Placement } from './placement'
import { chooseDestination, readCookie, STICKY_COOKIE, stickyCookie } from './rotation'
import { expandSubId, withSubId } from './subId'

// One /go/ request, decided in one place: the link (from the link cache), the destination
// (schedule, rotation and the reader's sticky cookie), the sub-ID filled into the ASP's
// parameter, and the click queued for the click buffer. The Next route (app/(site)/go) awaits
// what is not cached yet; the front server (scripts/server.ts) answers from memory alone and
// leaves a request to Next when something is not cached, so every /go/ answer is the same.

export type GoRequest = {
  slug: string
  method: string
  userAgent: string
  address: string
  /** `?from=` and `?slot=` as sent */
  from: string | null
  slot: string | null
  cookie: string | null
  secure: boolean
  now: Date
}

export type GoAnswer = { status: 302; location: string; setCookie?: string } | { status: 404 }

/** A click's own id: what `{click}` puts in a sub-ID, so ASP results find the click again. */
export const newClickId = () => randomBytes(8).toString('hex')

function decide(
  payload: Payload,
  link: CachedLink | null,
  rules: SubIdRules,
  placement: Placement,
  request: GoRequest,
): GoAnswer {
  const target = link ? resolveDestination(link, request.now) : null
  if (!link || !target) return { status: 404 }
  const chosen = chooseDestination(target.candidates, readCookie(request.cookie, STICKY_COOKIE))
  if (!chosen) return { status: 404 }

  const slot = resolveSlot(request.slot)
  const clickId = newClickId()
  // the fallback (outside the schedule) is often not the ASP's URL at all: sent as it is
  const rule = target.fallback ? undefined : rules.get(link.asp)
  const template = link.subIdTemplate?.trim() || rule?.template || ''
  const subId =
    rule && template
      ? expandSubId(template, {
          article: placement.article ? placement.placement : '',
          placement: placement.placement,
          slot,
          link: link.slug,
          click: clickId,
        })
      : ''
  const location = rule && subId ? withSubId(chosen.url, rule.parameter, subId) : chosen.url

  const userAgent = request.userAgent.slice(0, 512)
  recordClick(payload, {
    clickId,
    link: link.id,
    destination: chosen.url,
    subId: subId || null,
    placement: placement.placement,
    slot,
    article: placement.article,
    deviceClass: deviceClass(userAgent),
    isBot: isBotClick(request.method, userAgent),
    visitorKey: visitorKey(request.address, userAgent, request.now),
    createdAt: request.now.toISOString(),
  })
  return {
    status: 302,
    location,
    ...(chosen.sticky ? { setCookie: stickyCookie(link.slug, chosen.url, request.secure) } : {}),
  }
}

/** The answer, reading what is not cached yet. */
export async function answerGo(payload: Payload, request: GoRequest): Promise<GoAnswer> {
  const link = await cachedLink(payload, request.slug)
  if (!link) return { status: 404 }
  const [rules, placement] = await Promise.all([
    cachedSubIdRules(payload),
    resolvePlacement(payload, request.from),
  ])
  return decide(payload, link, rules, placement, request)
}

/** The answer from memory alone, or null when the link, settings or page are not cached. */
export function answerGoFromCache(payload: Payload, request: GoRequest): GoAnswer | null {
  const link = peekLink(request.slug)
  const rules = peekSubIdRules()
  const placement = knownPlacement(request.from)
  if (!link || !rules || !placement) return null
  return decide(payload, link, rules, placement, request)
}

// The front server (scripts/server.ts) cannot import the app's bundled modules, so the route
// hands it the cached answer through this global once Payload is up (on the first /go/).
export const GO_FROM_CACHE = Symbol.for('career-media.go-from-cache')
export function offerGoFromCache(payload: Payload) {
  const holder = globalThis as typeof globalThis & {
    [GO_FROM_CACHE]?: (request: GoRequest) => GoAnswer | null
  }
  holder[GO_FROM_CACHE] ??= (request) => answerGoFromCache(payload, request)
}
