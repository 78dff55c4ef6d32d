import { describe, expect, it } from 'vitest'

import { safeHref } from './safeHref'

describe('safeHref', () => {
  it('keeps site paths, anchors, http(s), mailto and tel', () => {
    expect(safeHref('/articles/a')).toBe('/articles/a')
    expect(safeHref('#section-1')).toBe('#section-1')
    expect(safeHref('https://www.mhlw.go.jp/')).toBe('https://www.mhlw.go.jp/')
    expect(safeHref('mailto:info@example.com')).toBe('mailto:info@example.com')
  })

  it('drops script and data URLs and protocol-relative hosts', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull()
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeNull()
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeNull()
    expect(safeHref('//evil.example/x')).toBeNull()
    expect(safeHref('')).toBeNull()
    expect(safeHref(42)).toBeNull()
  })
})
