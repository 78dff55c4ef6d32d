import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

const pages = [
  ['home', '/'],
  ['article', '/articles/pmo-suited-person'],
  ['agent', '/agents/freelance-port'],
  ['agent, reviews searched', '/agents/michibiki?q=%E9%9D%A2%E8%AB%87'],
  ['agents', '/agents'],
  ['comparison', '/agents/compare?agents=freelance-port,high-career-bridge,michibiki'],
  ['review', '/agents/michibiki/reviews/1'],
  ['author', '/authors/mizuno-kenta'],
  ['search', '/search?q=%E5%B9%B4%E5%8F%8E'],
  ['category', '/categories/career-guide'],
  ['own reviews', '/my-reviews'],
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

test.describe('tap targets (WCAG 2.2 target size)', () => {
  // Every link, button and form control at least 24×24 px, measured. Exempt, as WCAG 2.5.8
  // says: a link inside a sentence (an inline link with running text around it, such as
  // the article body's links), and a control whose label is the target (a checkbox in a
  // 44 px label). axe's target-size rule runs as well.
  const tooSmall = () =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, summary, select, input:not([type=hidden]), textarea, [role=button]',
      ),
    ].flatMap((el) => {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || el.closest('.sr-only')) return []
      if (getComputedStyle(el).visibility === 'hidden') return []
      if (box.width >= 24 && box.height >= 24) return []
      const label = el.closest('label')?.getBoundingClientRect()
      if (label && label.width >= 24 && label.height >= 24) return []
      if (getComputedStyle(el).display === 'inline') {
        let block = el.parentElement
        while (block && getComputedStyle(block).display === 'inline') block = block.parentElement
        const around = (block?.textContent ?? '').replace(el.textContent ?? '', '').trim()
        if (around.length >= 5) return [] // in a sentence
      }
      const name = (el.textContent || el.getAttribute('aria-label') || el.tagName).trim()
      return [`${name.slice(0, 30)} ${Math.round(box.width)}×${Math.round(box.height)}`]
    })

  for (const [name, path] of pages) {
    for (const width of [375, 1280]) {
      test(`${name} at ${width}px: every target is at least 24×24 px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 })
        await page.goto(path)
        // folded parts (the review form on agent pages) are opened so their controls count
        await page
          .locator('details')
          .evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)))
        expect(await page.evaluate(tooSmall)).toEqual([])
        const { violations } = await new AxeBuilder({ page }).withRules(['target-size']).analyze()
        expect(violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([])
      })
    }
  }

  test('the main navigation is 44 px tall to tap on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto('/')
    const links = page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link')
    expect(await links.count()).toBeGreaterThanOrEqual(3)
    for (const link of await links.all()) {
      const box = await link.boundingBox()
      expect(box, (await link.textContent()) ?? '').not.toBeNull()
      expect(box!.height).toBeGreaterThanOrEqual(44)
      expect(box!.width).toBeGreaterThanOrEqual(44)
    }
  })
})
