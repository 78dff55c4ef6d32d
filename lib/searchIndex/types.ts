import type { WordTokens } from '@/lib/search'

/** What the index keeps of one published article (texts as readers see them; folded inside). */
export type SearchEntry = {
  id: string
  title: string
  /** the lead and the body's text */
  body: string
  publishedAt: Date
}

/**
 * One page of matches: article ids, best first, and how many match (counted up to a cap).
 * `narrowed`: every word was common, so only the newest articles were searched (SearchLimits).
 */
export type SearchHits = { ids: string[]; total: number; capped: boolean; narrowed: boolean }

/**
 * What bounds a search's walk through the index. A query whose words include a token that at
 * most `commonAt` articles have walks at most that many (the index's scans seek from one match
 * of it to the next); one whose tokens are all common (ます, して, のでのでので) matches among
 * the `walkCap` newest articles only, and the page asks for a more specific query. Measured at
 * 100,000 articles: such a phrase walked every article's positions, 200 ms, on every page.
 */
export type SearchLimits = { commonAt: number; walkCap: number }

export const SEARCH_LIMITS: SearchLimits = { commonAt: 5000, walkCap: 20_000 }

/** The index behind lib/searchIndex: one per database kind, same answers. */
export interface SearchStore {
  put(entry: SearchEntry): Promise<void>
  /** many at once (a rebuild): one transaction or one bulk write */
  putMany(entries: SearchEntry[]): Promise<void>
  remove(id: string): Promise<void>
  /** title matches first, newest first within each; words must all match */
  search(words: WordTokens[], offset: number, limit: number): Promise<SearchHits>
  /** how many articles the index holds */
  size(): Promise<number>
  clear(): Promise<void>
  /** lets go of what the store holds open beyond the database connection (a thread) */
  close(): Promise<void>
}

/**
 * Totals are counted up to this many: a page says 「1,000件以上」 beyond it, as search engines
 * do, instead of counting every match of a common word on each search.
 */
export const COUNT_CAP = 1000
