// The public pages whose HTML depends on nothing but their address, with the query parameters
// each one reads: what the page cache (lib/pageCache.ts) may keep, and under which key.
//
// A page's key is its path and its known parameters in a canonical form, computed with the
// same parsers the pages use, so `?sort=helpful&age=30s`, `?age=30s&sort=helpful&utm_source=x`
// and `?age=30s&sort=helpful&page=1` are one entry. Parameters a page does not read (campaign
// tags, click ids) are left out of the key and of the address Next renders, so one reader's
// tracking parameters never end up in the page another reader gets (the browser keeps them in
// its address bar for analytics). Pages that read anything else of the request (cookies,
// headers: the staff preview, server actions) are not listed here.
import {
  isUntidyReviewQuery,
  parseReviewQuery,
  reviewQueryString,
  REVIEW_PARAMS,
} from './reviewFilters'
import { COMPARE_PARAM, compareQuery, parseCompare } from './agentCompare'
import { normalizeQuery, parsePage } from './search'
import { SITEMAP_FILE_NAME } from './sitemap'

type Query = URLSearchParams

/** The canonical query string of a page ('' or '?…'), or null when the page will refuse it. */
type Canonical = (query: Query) => string | null

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*'
/** a review's id in its address: a number (SQLite) or an ObjectId (MongoDB) */
const REVIEW_ID = '[A-Za-z0-9]{1,64}'

const firstOf = (query: Query) => {
  const params: Record<string, string> = {}
  for (const [name, value] of query) params[name] ??= value
  return params
}

const noQuery: Canonical = () => ''

/** ?page=n, without page=1 (the same page); null for a page number the page answers 404 */
const pageOnly: Canonical = (query) => {
  const page = parsePage(query.get('page') ?? undefined)
  if (page === null) return null
  return page > 1 ? `?page=${page}` : ''
}

const searchQuery: Canonical = (query) => {
  const page = parsePage(query.get('page') ?? undefined)
  if (page === null) return null
  const q = normalizeQuery(query.get('q') ?? undefined)
  const params = new URLSearchParams()
  if (q) params.set('q', q)
  if (q && page > 1) params.set('page', String(page))
  const text = params.toString()
  return text ? `?${text}` : ''
}

const reviewQuery: Canonical = (query) => {
  const { filters, sort, page } = parseReviewQuery(firstOf(query))
  if (page === null) return null
  return reviewQueryString(filters, sort, page)
}

/**
 * The tidy address of an agent page whose query carries the empty 「すべて」 choices a plain
 * filter form sends (`?age=&industry=it&sort=newest` → `?industry=it`), parameters the page
 * does not read kept as they came; null when the query is tidy already.
 */
const tidyReviewQuery: Canonical = (query) => {
  const all: Record<string, string | string[]> = {}
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name)
    all[name] = values.length > 1 ? values : values[0]!
  }
  if (!isUntidyReviewQuery(all)) return null
  const tidy = new URLSearchParams(reviewQuery(query)?.slice(1) ?? '')
  for (const [name, value] of query) if (!REVIEW_PARAMS.includes(name)) tidy.append(name, value)
  const text = tidy.toString()
  return text ? `?${text}` : ''
}

/** A comparison's set, once each and sorted; null for slugs no agent could have (a 404). */
const compareCanonical: Canonical = (query) => {
  const selection = parseCompare(query.getAll(COMPARE_PARAM))
  return selection.ok || selection.problem !== 'invalid' ? compareQuery(selection.slugs) : null
}

/**
 * The tidy address of a comparison picked in another order or sent by the picker's form
 * (`?agents=b&agents=a` → `?agents=a,b`), other parameters kept; null when it is tidy already.
 */
const tidyCompare: Canonical = (query) => {
  const values = query.getAll(COMPARE_PARAM)
  const selection = parseCompare(values)
  if (!selection.ok && selection.problem === 'invalid') return null
  if (values.length <= 1 && (values[0] ?? '') === selection.slugs.join(',')) return null
  const others = new URLSearchParams()
  for (const [name, value] of query) if (name !== COMPARE_PARAM) others.append(name, value)
  const rest = others.toString()
  const tidy = compareQuery(selection.slugs)
  return rest ? `${tidy ? `${tidy}&` : '?'}${rest}` : tidy
}

export type PublicRoute = {
  name: string
  pattern: RegExp
  canonical: Canonical
  /** the address to send the reader to instead, when the query is not in its tidy form */
  tidy?: Canonical
  /** kept by Next in its route cache too (incremental static regeneration) */
  routeCache: boolean
}

const route = (
  name: string,
  path: string,
  canonical: Canonical,
  routeCache = false,
  tidy?: Canonical,
): PublicRoute => ({
  name,
  pattern: new RegExp(`^${path}$`),
  canonical,
  routeCache,
  tidy,
})

/** Every page the page cache may answer; what is not listed here always goes to Next. */
export const PUBLIC_ROUTES: PublicRoute[] = [
  route('home', '/', pageOnly),
  route('article', `/articles/${SLUG}`, noQuery, true),
  route('category', `/categories/${SLUG}`, pageOnly),
  route('agents', '/agents', noQuery),
  // before 'agent': `compare` would match an agent's slug (and is kept from agents' slugs)
  route('agent-compare', '/agents/compare', compareCanonical, false, tidyCompare),
  route('agent', `/agents/${SLUG}`, reviewQuery, false, tidyReviewQuery),
  route('review-form', `/agents/${SLUG}/review`, noQuery),
  route('review', `/agents/${SLUG}/reviews/${REVIEW_ID}`, noQuery),
  route('search', '/search', searchQuery),
  route('author', `/authors/${SLUG}`, pageOnly),
  route('author-supervised', `/authors/${SLUG}/supervised`, pageOnly),
  route('about', '/about', noQuery),
  route('ad-policy', '/ad-policy', noQuery),
  route('privacy', '/privacy', noQuery),
  route('review-guidelines', '/review-guidelines', noQuery),
  route('feed', '/feed.xml', noQuery),
  route('sitemap', '/sitemap.xml', noQuery),
  route('sitemap-file', `/sitemaps/${SITEMAP_FILE_NAME}`, noQuery),
]

export type CanonicalAddress = {
  route: PublicRoute
  /** the page cache's key: path and canonical query */
  key: string
  /** the address Next is asked to render (the key, unless the page will refuse it) */
  url: string
  /** where the reader is redirected instead (307), when the address is not tidy */
  redirect?: string
}

/**
 * The canonical address of a public page, or null when the address is not a listed page or
 * carries parameters that belong to Next (`_rsc` and the like all start with `_`); with
 * `ignoreNextParams`, those are left out instead (the page a client navigation renders).
 */
export function canonicalAddress(url: string, ignoreNextParams = false): CanonicalAddress | null {
  const mark = url.indexOf('?')
  const pathname = mark === -1 ? url : url.slice(0, mark)
  const found = PUBLIC_ROUTES.find((r) => r.pattern.test(pathname))
  if (!found) return null
  const query = new URLSearchParams(mark === -1 ? '' : url.slice(mark + 1))
  for (const name of [...query.keys()]) {
    if (/^[a-z]/i.test(name)) continue
    if (!ignoreNextParams) return null
    query.delete(name)
  }
  const canonical = found.canonical(query)
  // a page that will answer 404 for its parameters is passed on as it came, and never kept
  if (canonical === null) return { route: found, key: url, url }
  const key = `${pathname}${canonical}`
  const tidy = found.tidy?.(query)
  return {
    route: found,
    key,
    url: key,
    ...(tidy != null ? { redirect: `${pathname}${tidy}` } : {}),
  }
}
