import type { Connection } from 'mongoose'

import { probeTokens, searchTokens, type WordTokens } from '@/lib/search'

import {
  COUNT_CAP,
  SEARCH_LIMITS,
  type SearchEntry,
  type SearchHits,
  type SearchLimits,
  type SearchStore,
} from './types'

// MongoDB's search index: one document per published article with its title's and its text's
// bigram tokens (lib/search.ts) in arrays with multikey indexes, and its publication time to sort
// by. A word matches when all its tokens are present, which on this side does not check that
// they follow each other (FTS5 does): a five-token word like エージェント almost never has all
// its tokens apart. Atlas Search with the kuromoji analyzer would be the managed alternative
// behind the same interface; this one runs on any MongoDB.

type Doc = { article: string; titleTokens: string[]; tokens: string[]; rank: number }

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The MongoDB filter that a search's words must all meet, in the given token field. */
export function wordsFilter(words: WordTokens[], field: 'tokens' | 'titleTokens') {
  return {
    $and: words.flatMap((word) => {
      const exact = word.prefix ? word.tokens.slice(0, -1) : word.tokens
      const last = word.tokens.at(-1)!
      // a word of one character is looked for in titles only (lib/search.ts searchPlan)
      const where = word.titleOnly ? 'titleTokens' : field
      return [
        ...(exact.length ? [{ [where]: { $all: exact } }] : []),
        ...(word.prefix ? [{ [where]: { $regex: `^${escapeRegex(last)}` } }] : []),
      ]
    }),
  }
}

function docOf(entry: SearchEntry): Doc {
  const titleTokens = [...new Set(searchTokens(entry.title))]
  const tokens = [...new Set([...titleTokens, ...searchTokens(entry.body)])]
  return { article: entry.id, titleTokens, tokens, rank: entry.publishedAt.getTime() }
}

export function mongoSearchStore(
  connection: Connection,
  limits: SearchLimits = SEARCH_LIMITS,
): SearchStore {
  const collection = connection.collection<Doc>('search_index')
  const ready = Promise.all([
    collection.createIndex({ article: 1 }, { unique: true }),
    collection.createIndex({ tokens: 1, rank: -1 }),
    collection.createIndex({ titleTokens: 1, rank: -1 }),
    // the newest articles, for a search of common words only (SearchLimits)
    collection.createIndex({ rank: -1, article: -1 }),
  ])
  const newestFirst = { rank: -1, article: -1 } as const

  const idsOf = async (filter: object, skip: number, limit: number) =>
    limit <= 0
      ? []
      : (
          await collection
            .find(filter, { projection: { article: 1 } })
            .sort(newestFirst)
            .skip(skip)
            .limit(limit)
            .toArray()
        ).map((doc) => doc.article)

  return {
    async put(entry) {
      await ready
      await collection.replaceOne({ article: entry.id }, docOf(entry), { upsert: true })
    },
    async putMany(entries) {
      if (!entries.length) return
      await ready
      await collection.bulkWrite(
        entries.map((entry) => ({
          replaceOne: { filter: { article: entry.id }, replacement: docOf(entry), upsert: true },
        })),
      )
    },
    async remove(id) {
      await collection.deleteOne({ article: id })
    },
    async search(words, offset, limit): Promise<SearchHits> {
      if (!words.length) return { ids: [], total: 0, capped: false, narrowed: false }
      await ready
      // as the FTS5 store: without a rare token, only the walkCap newest articles are searched
      let from = 0
      if (words.some((word) => !word.titleOnly)) {
        let rare = false
        for (const probe of probeTokens(words)) {
          const filter = wordsFilter(
            [{ tokens: [probe.token], prefix: probe.prefix, titleOnly: false }],
            'tokens',
          )
          const n = await collection.countDocuments(filter, { limit: limits.commonAt + 1 })
          if ((rare = n <= limits.commonAt)) break
        }
        if (!rare) {
          const [nth] = await collection
            .find({}, { projection: { rank: 1 } })
            .sort(newestFirst)
            .skip(limits.walkCap - 1)
            .limit(1)
            .toArray()
          if (nth) from = nth.rank
        }
      }
      const window = from > 0 ? [{ rank: { $gte: from } }] : []
      const all = { $and: [wordsFilter(words, 'tokens'), ...window] }
      const title = { $and: [wordsFilter(words, 'titleTokens'), ...window] }
      const bodyOnly = { $and: [all, { $nor: [wordsFilter(words, 'titleTokens')] }] }
      // title matches before this page's end, counted only that far
      const titleBefore =
        limit > 0 ? await collection.countDocuments(title, { limit: offset + limit }) : 0
      const fromTitle = await idsOf(title, offset, titleBefore - offset)
      const fromBody = await idsOf(
        bodyOnly,
        Math.max(0, offset - titleBefore),
        limit - fromTitle.length,
      )
      const counted = await collection.countDocuments(all, { limit: COUNT_CAP + 1 })
      return {
        ids: [...fromTitle, ...fromBody],
        total: Math.min(counted, COUNT_CAP),
        capped: counted > COUNT_CAP,
        narrowed: from > 0,
      }
    },
    async size() {
      return collection.estimatedDocumentCount()
    },
    async clear() {
      await collection.deleteMany({})
    },
    // the connection belongs to Payload's adapter
    async close() {},
  }
}
