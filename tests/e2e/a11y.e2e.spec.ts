import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

const pages = [
  ['home', '/'],
  ['article', '/articles/pmo-suited-person'],
  ['agent', '/agents/freelance-port'],
  ['agents', '/agents'],
  ['search', '/search?q=%E5%B9%B4%E5%8F%8E'],
  ['category', '/categories/career-guide'],
  ['404', '/no-such-page'],
] as const

test.describe('accessibility (axe, WCAG 2.1 AA)', () => {
  for (const [name, path] of pages) {
    for (const width of [375, 1280]) {
      test(`${name} at ${width}px has no serious or critical violations`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 })
        await page.goto(path)
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze()
        const serious = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
        expect(serious).toEqual([])
      })
    }
  }
})
