import type { WordTokens } from '@/lib/search'

/** What the index keeps of one published article (texts as readers see them; folded inside). */
export type SearchEntry = {
  id: string
  title: string
  /** the lead and the body's text */
  body: string
  publishedAt: Date
}

/** One page of matches: article ids, best first, and how many match (counted up to a cap). */
export type SearchHits = { ids: string[]; total: number; capped: boolean }

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
