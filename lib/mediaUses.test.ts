import { describe, expect, it } from 'vitest'

import { mediaUsesChanged } from './mediaUses'

describe('mediaUsesChanged', () => {
  it('names the uploads shown on one side only, as the ids were given', () => {
    expect(mediaUsesChanged([1, 2, 3], [2, 3, 4])).toEqual([1, 4])
    expect(mediaUsesChanged([11, 12], [{ id: 12 }])).toEqual([11])
  })

  it('an upload shown before and after keeps its count, populated or not', () => {
    expect(mediaUsesChanged([5, { id: 6 }], [{ id: 5 }, 6])).toEqual([])
  })

  it('publishing, unpublishing and removing a logo move every upload they show', () => {
    expect(mediaUsesChanged([], [7, 8])).toEqual([7, 8])
    expect(mediaUsesChanged([7, 8], [])).toEqual([7, 8])
    expect(mediaUsesChanged([9], [null])).toEqual([9])
    expect(mediaUsesChanged([undefined], [null])).toEqual([])
  })
})
