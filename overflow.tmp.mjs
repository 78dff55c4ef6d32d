import { chromium } from '@playwright/test'
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
const page = await browser.newPage({ viewport: { width: 375, height: 812 } })
await page.goto(process.argv[2], { waitUntil: 'networkidle' })
const r = await page.evaluate(() => {
  const out = []
  for (const el of document.querySelectorAll('body *')) {
    const rect = el.getBoundingClientRect()
    if (rect.right > 376)
      out.push(`${el.tagName}.${String(el.className).slice(0, 60)} ${Math.round(rect.right)}`)
  }
  return [document.documentElement.scrollWidth, out.slice(0, 15)]
})
console.log(JSON.stringify(r, null, 1))
await browser.close()
