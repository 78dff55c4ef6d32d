import type { WordTokens } from '@/lib/search'

import type { SearchLimits } from '../types'

/** What the review index keeps of one approved review (texts as readers see them). */
export type ReviewEntry = {
  id: string
  /** the agent the review is of: a search looks within one agent's reviews */
  agent: string
  title: string
  body: string
  submittedAt: Date
}

/**
 * The reviews of one agent that match, newest first: at most `cap` ids, `capped` when more
 * match. `narrowed`: every word was common, so only the agent's newest reviews were searched.
 */
export type ReviewHits = { ids: string[]; capped: boolean; narrowed: boolean }

/**
 * The review search's bounds (SearchLimits, within one agent): a search whose words include a
 * token that at most `commonAt` of the agent's reviews have walks at most that many; one whose
 * tokens are all common looks among the agent's `walkCap` newest reviews only. A busy agent of
 * the bench's archive has about 60,000 reviews.
 */
export const REVIEW_SEARCH_LIMITS: SearchLimits = { commonAt: 3000, walkCap: 5000 }

/** The review index behind lib/searchIndex/reviews: one per database kind, same answers. */
export interface ReviewSearchStore {
  put(entry: ReviewEntry): Promise<void>
  putMany(entries: ReviewEntry[]): Promise<void>
  remove(id: string): Promise<void>
  /** the newest `cap` of an agent's reviews that have every word */
  search(agent: string, words: WordTokens[], cap: number): Promise<ReviewHits>
  size(): Promise<number>
  clear(): Promise<void>
}
