import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { RatingBreakdown } from './RatingBreakdown'

const render = (details: Parameters<typeof RatingBreakdown>[0]['details']) =>
  renderToStaticMarkup(createElement(RatingBreakdown, { details }))
const terms = (html: string) => [...html.matchAll(/<dt>([^<]+)<\/dt>/g)].map((m) => m[1])

describe('RatingBreakdown', () => {
  it('lists segments in the taxonomy’s order, whatever order the stored figures have', () => {
    const html = render({
      bySegment: {
        ageBand: {
          '40s': { average: 3, count: 3 },
          '30s': { average: 4, count: 5 },
          '20s': { average: 5, count: 4 },
        },
        industry: {},
        experienceYears: {},
      },
    })
    expect(terms(html)).toEqual(['20代', '30代', '40代'])
  })

  it('shows an item or a segment only from 3 reviews on', () => {
    const html = render({
      subRatings: {
        consultant: { average: 5, count: 1 },
        offers: { average: 4, count: 2 },
        support: { average: 3.5, count: 3 },
        proposal: { average: 0, count: 0 },
      },
      bySegment: {
        ageBand: { '20s': { average: 5, count: 2 } },
        industry: {},
        experienceYears: {},
      },
    })
    expect(terms(html)).toEqual(['サポート体制'])
    const none = { average: 0, count: 0 }
    const one = {
      offers: none,
      proposal: none,
      support: none,
      consultant: { average: 5, count: 1 },
    }
    expect(render({ subRatings: one })).toBe('')
  })
})
