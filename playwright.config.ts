import { existsSync } from 'node:fs'

import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT || 3300)
// shared by the server and the tests (which build draft-preview links with it)
process.env.PAYLOAD_SECRET ||= 'e2e-only-secret-not-for-production-0123456789'
const baseURL = `http://127.0.0.1:${PORT}`

// Debian's chromium where it is installed (CI and the team's machines, where Playwright's
// own browser download is blocked); Playwright's bundled browser anywhere else.
const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const executablePath = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], locale: 'ja-JP' } }],
  webServer: {
    // a production build on a fresh database of its own, started the way `npm start` starts
    command: 'tsx tests/helpers/e2eServer.ts',
    url: `${baseURL}/`,
    timeout: 15 * 60_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      SITE_URL: baseURL,
      DATABASE_URI: 'file:./data/e2e/site.db',
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
      // tests act as clients at several addresses through X-Forwarded-For (sign-in limits)
      TRUST_PROXY: '1',
    },
  },
})
