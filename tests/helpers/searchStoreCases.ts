// What every search store (lib/searchIndex: FTS5 on SQLite, token arrays on MongoDB) must
// answer alike. Each store's test file runs these against a fresh store of its kind.
import { describe, expect, it } from 'vitest'

import { normalizeQuery, queryWords } from '@/lib/search'
import { COUNT_CAP } from '@/lib/searchIndex/types'
import type { SearchEntry, SearchLimits, SearchStore } from '@/lib/searchIndex/types'

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n))
const entry = (id: string, title: string, body: string, n: number): SearchEntry => ({
  id,
  title,
  body,
  publishedAt: day(n),
})

// three articles two cases start from
const firstThree = [
  entry('a', '副業の始め方', '会社員が週末に始める方法。', 1),
  entry('b', 'フリーランスの税金', '副業でも確定申告が要ります。', 2),
  entry('c', '年収の上げ方', 'ＰＭＯの年収交渉はｴｰｼﾞｪﾝﾄに任せる。', 3),
]

export function searchStoreCases(
  name: string,
  open: (limits?: SearchLimits) => Promise<SearchStore>,
) {
  describe(`${name} search store`, () => {
    const find = async (store: SearchStore, raw: string, offset = 0, limit = 10) =>
      store.search(queryWords(normalizeQuery(raw)), offset, limit)

    it('finds two-character words, width and kana folded, title matches first then newest', async () => {
      const store = await open()
      await store.putMany(firstThree)
      await store.put(entry('d', '転職の準備', '年収アップを狙うなら早めに。', 4))

      // 副業 is in a's title and b's body: the title match comes first although b is newer
      expect((await find(store, '副業')).ids).toEqual(['a', 'b'])
      // both in the body only: newest first
      expect((await find(store, '年収')).ids).toEqual(['c', 'd'])
      expect((await find(store, 'pmo')).ids).toEqual(['c'])
      expect((await find(store, 'えーじぇんと')).ids).toEqual(['c'])
      expect((await find(store, 'エージェント')).ids).toEqual(['c'])
      expect((await find(store, 'ふりーらんす')).ids).toEqual(['b'])
      // every word must match
      expect((await find(store, '年収 アップ')).ids).toEqual(['d'])
      expect((await find(store, '年収 副業')).ids).toEqual([])
      // letters find the words they start
      expect((await find(store, 'pm')).ids).toEqual(['c'])
      expect((await find(store, '存在しない')).ids).toEqual([])
      expect(await find(store, '!!!')).toEqual({
        ids: [],
        total: 0,
        capped: false,
        narrowed: false,
      })
    })

    it('leaves lone kana out and looks for a word of one character in titles only', async () => {
      const store = await open()
      await store.putMany(firstThree)
      await store.put(entry('d', '転職の準備 2026年版', '年収アップを狙うなら早めに。', 4))
      await store.put(entry('e', 'PMOの年収', '転職で年収を上げる。', 5))

      // 副 starts 副業 in a's title and in b's body: the title only
      expect((await find(store, '副')).ids).toEqual(['a'])
      expect((await find(store, '年')).ids).toEqual(['e', 'd', 'c'])
      // with a word that may be anywhere: both in the title first, then the others
      expect((await find(store, '年 pmo')).ids).toEqual(['e', 'c'])
      expect((await find(store, '転 年収')).ids).toEqual(['d'])
      expect((await find(store, 'p')).ids).toEqual(['e'])
      // particles: nothing is searched for, so nothing is found
      expect(await find(store, 'の')).toEqual({ ids: [], total: 0, capped: false, narrowed: false })
      expect(await find(store, 'の が に て')).toEqual({
        ids: [],
        total: 0,
        capped: false,
        narrowed: false,
      })
      // a lone kana after a word drops out; digits are a whole number, not a prefix
      expect((await find(store, 'ＰＭＯの')).ids).toEqual(['e', 'c'])
      expect((await find(store, '2026')).ids).toEqual(['d'])
      expect((await find(store, '202')).ids).toEqual([])
    })

    it('searches only the newest articles when every word is common, and says so', async () => {
      // common: more than 2 articles have it; the newest 3 are searched then
      const store = await open({ commonAt: 2, walkCap: 3 })
      await store.put(entry('old', 'ますの話', '年収が上がります。', 0))
      for (let i = 1; i <= 5; i++) await store.put(entry(`n${i}`, `記事${i}`, 'できます。', i))
      await store.put(entry('t', 'ますの使い方', '本文', 6))

      expect(await find(store, 'ます')).toEqual({
        ids: ['t', 'n5', 'n4'],
        total: 3,
        capped: false,
        narrowed: true,
      })
      // one rare word (年収: one article) and the whole index is searched
      expect(await find(store, 'ます 年収')).toEqual({
        ids: ['old'],
        total: 1,
        capped: false,
        narrowed: false,
      })
      // a word in titles only is never common: titles are short
      expect((await find(store, '記')).narrowed).toBe(false)
    })

    it('replaces an entry on put and forgets it on remove', async () => {
      const store = await open()
      await store.put(entry('x', '面接の準備', '逆質問を用意する。', 5))
      await store.put(entry('x', '書類選考の通し方', '職務経歴書を見直す。', 6))
      expect((await find(store, '面接')).ids).toEqual([])
      expect((await find(store, '職務経歴書')).ids).toEqual(['x'])
      expect(await store.size()).toBe(1)
      await store.remove('x')
      expect((await find(store, '職務経歴書')).ids).toEqual([])
      expect(await store.size()).toBe(0)
      await store.remove('never-there')
    })

    it('pages title matches and then the rest, and caps the total', async () => {
      const store = await open()
      // same day for several: the order among them is still stable
      for (let i = 0; i < 25; i++) {
        const inTitle = i % 5 === 0
        await store.put(
          entry(`p${i}`, inTitle ? `求人${i}` : `記事${i}`, inTitle ? '本文' : `求人の話${i}`, i),
        )
      }
      const pages = []
      for (let offset = 0; offset < 30; offset += 10) pages.push(await find(store, '求人', offset))
      const ids = pages.flatMap((page) => page.ids)
      const titled = ['p20', 'p15', 'p10', 'p5', 'p0']
      const rest = Array.from({ length: 25 }, (_, i) => 24 - i)
        .filter((i) => i % 5)
        .map((i) => `p${i}`)
      expect(ids).toEqual([...titled, ...rest])
      expect(pages.map((page) => page.total)).toEqual([25, 25, 25])
      expect(pages[0]!.capped).toBe(false)

      await store.putMany(
        Array.from({ length: COUNT_CAP + 1 }, (_, i) => entry(`m${i}`, '営業職', '', 100)),
      )
      const many = await find(store, '営業')
      expect(many).toMatchObject({ total: COUNT_CAP, capped: true })
      expect(many.ids).toHaveLength(10)
    })
  })
}
