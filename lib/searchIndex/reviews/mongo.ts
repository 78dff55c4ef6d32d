import type { Connection } from 'mongoose'

import { probeTokens, searchTokens } from '@/lib/search'

import { wordsFilter } from '../mongo'
import type { SearchLimits } from '../types'
import {
  REVIEW_SEARCH_LIMITS,
  type ReviewEntry,
  type ReviewHits,
  type ReviewSearchStore,
} from './types'

// MongoDB's review index: one document per approved review with its agent, the bigram tokens of
// its title and body in an array, and its submission time, under indexes that start with the
// agent, so a search reads within one agent's entries (as ../mongo.ts does for the articles).

type Doc = { review: string; agent: string; tokens: string[]; rank: number }

const docOf = (entry: ReviewEntry): Doc => ({
  review: entry.id,
  agent: entry.agent,
  tokens: [...new Set([...searchTokens(entry.title), ...searchTokens(entry.body)])],
  rank: entry.submittedAt.getTime(),
})

export function mongoReviewSearchStore(
  connection: Connection,
  limits: SearchLimits = REVIEW_SEARCH_LIMITS,
): ReviewSearchStore {
  const collection = connection.collection<Doc>('review_search_index')
  const ready = Promise.all([
    collection.createIndex({ review: 1 }, { unique: true }),
    collection.createIndex({ agent: 1, tokens: 1, rank: -1 }),
    collection.createIndex({ agent: 1, rank: -1, review: -1 }),
  ])
  const newestFirst = { rank: -1, review: -1 } as const

  return {
    async put(entry) {
      await ready
      await collection.replaceOne({ review: entry.id }, docOf(entry), { upsert: true })
    },
    async putMany(entries) {
      if (!entries.length) return
      await ready
      await collection.bulkWrite(
        entries.map((entry) => ({
          replaceOne: { filter: { review: entry.id }, replacement: docOf(entry), upsert: true },
        })),
      )
    },
    async remove(id) {
      await collection.deleteOne({ review: id })
    },
    async search(agent, words, cap): Promise<ReviewHits> {
      if (!words.length || cap <= 0) return { ids: [], capped: false, narrowed: false }
      await ready
      let rare = false
      for (const probe of probeTokens(words)) {
        const filter = {
          agent,
          ...wordsFilter(
            [{ tokens: [probe.token], prefix: probe.prefix, titleOnly: false }],
            'tokens',
          ),
        }
        const n = await collection.countDocuments(filter, { limit: limits.commonAt + 1 })
        if ((rare = n <= limits.commonAt)) break
      }
      let from = 0
      if (!rare) {
        const [nth] = await collection
          .find({ agent }, { projection: { rank: 1 } })
          .sort(newestFirst)
          .skip(limits.walkCap - 1)
          .limit(1)
          .toArray()
        if (nth) from = nth.rank
      }
      const found = await collection
        .find(
          { agent, ...(from > 0 ? { rank: { $gte: from } } : {}), ...wordsFilter(words, 'tokens') },
          { projection: { review: 1 } },
        )
        .sort(newestFirst)
        .limit(cap + 1)
        .toArray()
      return {
        ids: found.slice(0, cap).map((doc) => doc.review),
        capped: found.length > cap,
        narrowed: from > 0,
      }
    },
    async size() {
      return collection.estimatedDocumentCount()
    },
    async clear() {
      await collection.deleteMany({})
    },
  }
}
