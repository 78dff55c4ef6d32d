import { lookup } from 'node:dns/promises'

import ipaddr from 'ipaddr.js'
import type { Payload } from 'payload'

import { eachPage } from '@/lib/pageRows'
import type { AffiliateLink } from '@/payload-types'

// The link health check: a request to the link's landing-page URL (the merchant's page),
// never its ASP tracking URL, so it makes no fake click. Bounded in every way: a timeout per
// request, at most MAX_REDIRECTS redirects (followed by hand, each one checked again), at
// most MAX_BYTES read, and no address inside a private network (the URL comes from a staff
// form, but a checker that fetched 169.254.169.254 or the database's port for anyone who can
// edit a link would be a way in); tests allow loopback explicitly.

export const TIMEOUT_MS = 10_000
export const MAX_REDIRECTS = 5
export const MAX_BYTES = 1024 * 1024

export type HealthState = 'ok' | 'broken' | 'error'
export type HealthResult = {
  state: HealthState
  httpStatus: number | null
  finalUrl: string
  durationMs: number
  message: string
}

type Options = { timeoutMs?: number; allowPrivate?: boolean }

async function publicAddress(hostname: string): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, '')
  const addresses = ipaddr.isValid(host)
    ? [host]
    : (await lookup(host, { all: true })).map((entry) => entry.address)
  return addresses.every((address) => {
    const parsed = ipaddr.process(address)
    return parsed.range() === 'unicast'
  })
}

async function readSome(response: Response): Promise<number> {
  if (!response.body) return 0
  const reader = response.body.getReader()
  let read = 0
  try {
    while (read < MAX_BYTES) {
      const { done, value } = await reader.read()
      if (done) break
      read += value.byteLength
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
  return read
}

export async function checkLandingPage(
  start: string,
  options: Options = {},
): Promise<HealthResult> {
  const began = Date.now()
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS
  const done = (
    state: HealthState,
    httpStatus: number | null,
    finalUrl: string,
    message: string,
  ) => ({
    state,
    httpStatus,
    finalUrl,
    durationMs: Date.now() - began,
    message,
  })
  let url = start
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return done('broken', null, url, 'URLの形式が正しくありません')
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      return done('broken', null, url, 'http(s) 以外のURLです')
    try {
      if (!options.allowPrivate && !(await publicAddress(parsed.hostname)))
        return done('error', null, url, '社内・ローカルのアドレスは確認しません')
    } catch {
      return done('broken', null, url, 'ドメインが見つかりません')
    }
    let response: Response
    try {
      response = await fetch(url, {
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'User-Agent': 'CareerMediaLinkCheck/1.0 (+link health check)',
          Accept: 'text/html,*/*',
        },
      })
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
      return done(
        'error',
        null,
        url,
        timedOut ? `${timeoutMs / 1000}秒以内に応答がありません` : '接続できません',
      )
    }
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel().catch(() => undefined)
      url = new URL(location, url).toString()
      continue
    }
    try {
      await readSome(response)
    } catch {
      return done('error', response.status, url, '応答の途中で切れました')
    }
    if (response.ok) return done('ok', response.status, url, `正常(${response.status})`)
    if (response.status === 404 || response.status === 410)
      return done('broken', response.status, url, `ページがありません(${response.status})`)
    return done(
      response.status >= 500 ? 'error' : 'broken',
      response.status,
      url,
      `エラー応答(${response.status})`,
    )
  }
  return done('broken', null, url, `リダイレクトが${MAX_REDIRECTS}回を超えました(ループの可能性)`)
}

/** Checks one link's landing page and stores the result on the link. */
export async function checkLinkHealth(
  payload: Payload,
  link: Pick<AffiliateLink, 'id' | 'landingUrl'>,
  options: Options = {},
): Promise<HealthResult | null> {
  if (!link.landingUrl) return null
  const result = await checkLandingPage(link.landingUrl, options)
  await payload.update({
    collection: 'affiliate-links',
    id: link.id,
    data: {
      healthState: result.state,
      health: {
        lastCheckedAt: new Date().toISOString(),
        lastStatus: result.message,
        httpStatus: result.httpStatus,
        finalUrl: result.finalUrl,
        durationMs: result.durationMs,
      },
    },
    depth: 0,
    overrideAccess: true,
    // only the check's own fields changed: nothing a page shows
    context: { disableRevalidate: true },
  })
  return result
}

/**
 * Every active link with a landing-page URL, four at a time, read a page of links at a time (the
 * checkLinks job: never inside a request). Returns how many links were found in each state.
 */
export async function checkAllLinks(payload: Payload, options: Options = {}) {
  const results: Partial<Record<HealthState, number>> = {}
  await eachPage(
    payload,
    {
      collection: 'affiliate-links',
      where: { and: [{ status: { equals: 'active' } }, { landingUrl: { exists: true } }] },
      select: { landingUrl: true },
      sort: 'id',
      depth: 0,
      overrideAccess: true,
    },
    async (docs) => {
      const queue = docs.filter((doc) => doc.landingUrl)
      const worker = async () => {
        for (let doc = queue.shift(); doc; doc = queue.shift()) {
          const result = await checkLinkHealth(payload, doc, options)
          if (result) results[result.state] = (results[result.state] ?? 0) + 1
        }
      }
      await Promise.all([worker(), worker(), worker(), worker()])
    },
  )
  return results
}
