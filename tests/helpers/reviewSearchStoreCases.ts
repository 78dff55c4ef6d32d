// What every review search store (lib/searchIndex/reviews: FTS5 on SQLite, token arrays on
// MongoDB) must answer alike. Each store's test file runs these against a fresh store of its kind.
import { describe, expect, it } from 'vitest'

import { normalizeQuery, queryWords } from '@/lib/search'
import type { ReviewEntry, ReviewSearchStore } from '@/lib/searchIndex/reviews/types'
import type { SearchLimits } from '@/lib/searchIndex/types'

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n))
const review = (
  id: string,
  agent: string,
  title: string,
  body: string,
  n: number,
): ReviewEntry => ({
  id,
  agent,
  title,
  body,
  submittedAt: day(n),
})

export function reviewSearchStoreCases(
  name: string,
  open: (limits?: SearchLimits) => Promise<ReviewSearchStore>,
) {
  describe(`${name} review search store`, () => {
    const find = (store: ReviewSearchStore, agent: string, raw: string, cap = 10) =>
      store.search(agent, queryWords(normalizeQuery(raw)), cap)

    it("finds words within one agent's reviews only, newest first, width and kana folded", async () => {
      const store = await open()
      await store.putMany([
        review('r1', '1', '面談が丁寧', '担当者が年収の交渉をしてくれた。', 1),
        review('r2', '2', '年収が上がった', '別のエージェントの話。', 2),
        review('r3', '1', '求人が多い', 'ＩＴ系の求人を年収順に紹介された。', 3),
        review('r4', '1', '連絡が遅い', 'ｴｰｼﾞｪﾝﾄからの返信が遅かった。', 4),
      ])
      // 年収 is in r1, r2 and r3; r2 is another agent's
      expect((await find(store, '1', '年収')).ids).toEqual(['r3', 'r1'])
      expect((await find(store, '2', '年収')).ids).toEqual(['r2'])
      // titles too; katakana and half-width folded; letters case-folded
      expect((await find(store, '1', '面談')).ids).toEqual(['r1'])
      expect((await find(store, '1', 'エージェント')).ids).toEqual(['r4'])
      expect((await find(store, '1', 'it')).ids).toEqual(['r3'])
      // every word must match
      expect((await find(store, '1', '年収 求人')).ids).toEqual(['r3'])
      expect((await find(store, '1', '年収 返信')).ids).toEqual([])
      // an agent id that is not a number, and one no review has
      await store.put(review('m1', '65f0c2a1b2c3d4e5f6a7b8c9', '年収', '相談した。', 5))
      expect((await find(store, '65f0c2a1b2c3d4e5f6a7b8c9', '年収')).ids).toEqual(['m1'])
      expect((await find(store, '3', '年収')).ids).toEqual([])
    })

    it('replaces an entry when it is put again and forgets a removed one', async () => {
      const store = await open()
      await store.put(review('r1', '1', '面談が丁寧', '年収の交渉をしてくれた。', 1))
      await store.put(review('r1', '1', '面談が丁寧', '書類の添削が丁寧だった。', 1))
      expect((await find(store, '1', '年収')).ids).toEqual([])
      expect((await find(store, '1', '添削')).ids).toEqual(['r1'])
      expect(await store.size()).toBe(1)
      await store.remove('r1')
      await store.remove('never-there')
      expect((await find(store, '1', '添削')).ids).toEqual([])
      expect(await store.size()).toBe(0)
    })

    it('answers at most the cap, newest first, and says when more match', async () => {
      const store = await open()
      await store.putMany(
        Array.from({ length: 7 }, (_, i) =>
          review(`r${i}`, '1', `口コミ${i}`, '年収が上がった。', i),
        ),
      )
      const hits = await find(store, '1', '年収', 5)
      expect(hits.ids).toEqual(['r6', 'r5', 'r4', 'r3', 'r2'])
      expect(hits.capped).toBe(true)
      expect((await find(store, '1', '年収', 7)).capped).toBe(false)
    })

    it("searches only an agent's newest reviews when every word is common there", async () => {
      const store = await open({ commonAt: 2, walkCap: 3 })
      await store.putMany([
        review('old', '1', '古い口コミ', '面談の日程調整が早かった。', 1),
        ...Array.from({ length: 4 }, (_, i) =>
          review(`n${i}`, '1', `口コミ${i}`, '面談がありました。', 10 + i),
        ),
        // another agent's reviews do not count towards the window
        ...Array.from({ length: 5 }, (_, i) => review(`x${i}`, '2', '別', '面談', 20 + i)),
      ])
      const common = await find(store, '1', '面談')
      expect(common.narrowed).toBe(true)
      expect(common.ids).toEqual(['n3', 'n2', 'n1'])
      // a rare word bounds the walk by itself: the old review is found
      const rare = await find(store, '1', '面談 日程')
      expect(rare.narrowed).toBe(false)
      expect(rare.ids).toEqual(['old'])
    })

    it('finds nothing for no words, and empties on clear', async () => {
      const store = await open()
      await store.put(review('r1', '1', '面談', '年収', 1))
      expect(await store.search('1', [], 10)).toEqual({ ids: [], capped: false, narrowed: false })
      await store.clear()
      expect(await store.size()).toBe(0)
      expect((await find(store, '1', '面談')).ids).toEqual([])
    })
  })
}
