import { AGE_BANDS, EXPERIENCE_YEARS, GENDERS, INDUSTRIES } from './taxonomy'
import { isOwnKey } from './own'
import { normalizeQuery, parsePage } from './search'

export type ReviewSort = 'newest' | 'helpful' | 'highest' | 'lowest'

export const REVIEW_SORTS: Record<ReviewSort, string> = {
  newest: '新しい順',
  helpful: '参考になった順',
  highest: '評価が高い順',
  lowest: '評価が低い順',
}

export type ReviewFilters = {
  ageBand?: keyof typeof AGE_BANDS
  gender?: keyof typeof GENDERS
  industry?: keyof typeof INDUSTRIES
  experienceYears?: keyof typeof EXPERIENCE_YEARS
  rating?: 1 | 2 | 3 | 4 | 5
  /** words searched for in the reviews' titles and bodies (normalizeQuery) */
  q?: string
}

/** URL parameter → filter field, with the values each accepts. */
export const FILTER_PARAMS = {
  age: { field: 'ageBand', label: '年代', options: AGE_BANDS },
  gender: { field: 'gender', label: '性別', options: GENDERS },
  industry: { field: 'industry', label: '業界', options: INDUSTRIES },
  exp: { field: 'experienceYears', label: '経験年数', options: EXPERIENCE_YEARS },
} as const

type Params = Record<string, string | string[] | undefined>

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * Reads the review list's filters, sort and page from the URL. Unknown values are ignored
 * (the list is shown unfiltered by them); a malformed page number yields page null (404).
 */
export function parseReviewQuery(params: Params): {
  filters: ReviewFilters
  sort: ReviewSort
  page: number | null
} {
  const filters: ReviewFilters = {}
  for (const [param, { field, options }] of Object.entries(FILTER_PARAMS)) {
    const value = first(params[param])
    if (isOwnKey(options as Record<string, string>, value))
      (filters as Record<string, string>)[field] = value
  }
  const q = normalizeQuery(first(params.q))
  if (q) filters.q = q
  const rating = Number(first(params.rating))
  if (Number.isInteger(rating) && rating >= 1 && rating <= 5)
    filters.rating = rating as ReviewFilters['rating']
  const sortParam = first(params.sort)
  const sort: ReviewSort = isOwnKey(REVIEW_SORTS, sortParam) ? sortParam : 'newest'
  return { filters, sort, page: parsePage(params.page) }
}

/** The query string for a filtered view, so it can be shared and paged. */
export function reviewQueryString(filters: ReviewFilters, sort: ReviewSort, page = 1): string {
  const search = new URLSearchParams()
  if (filters.q) search.set('q', filters.q)
  for (const [param, { field }] of Object.entries(FILTER_PARAMS)) {
    const value = filters[field as keyof ReviewFilters]
    if (value !== undefined) search.set(param, String(value))
  }
  if (filters.rating) search.set('rating', String(filters.rating))
  if (sort !== 'newest') search.set('sort', sort)
  if (page > 1) search.set('page', String(page))
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** The query parameters the review list reads. */
export const REVIEW_PARAMS: readonly string[] = [
  'q',
  ...Object.keys(FILTER_PARAMS),
  'rating',
  'sort',
  'page',
]

/**
 * Whether the URL carries review parameters the tidy form of the view leaves out: the empty
 * 「すべて」 choices and the default sort a plain GET filter form sends. Such a view is answered
 * with a redirect to `reviewQueryString` (lib/publicRoutes.ts), so the address a reader shares names
 * only what they chose (the browser keeps the form's `#reviews` across the redirect).
 */
export function isUntidyReviewQuery(params: Params): boolean {
  return REVIEW_PARAMS.some((param) => {
    const value = params[param]
    if (value === undefined) return false
    if (Array.isArray(value)) return true
    return (
      value === '' ||
      (param === 'q' && normalizeQuery(value) !== value) ||
      (param === 'sort' && value === 'newest') ||
      (param === 'page' && value === '1')
    )
  })
}
