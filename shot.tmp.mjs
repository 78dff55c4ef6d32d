import { chromium } from '@playwright/test'
const [,, url, out, width='375', full='1'] = process.argv
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] })
const page = await browser.newPage({ viewport: { width: Number(width), height: 812 }, locale: 'ja-JP' })
await page.goto(url, { waitUntil: 'networkidle' })
await page.screenshot({ path: out, fullPage: full === '1' })
await browser.close()
