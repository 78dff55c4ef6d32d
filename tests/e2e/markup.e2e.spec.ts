import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { expect, test } from '@playwright/test'

// Every kind of public page as the Nu Html Checker (the W3C's validator, from the vnu-jar
// package; it needs Java, which .ci/run installs) reads it: no errors. Warnings are left to
// the checker's own judgement of what is merely advice.

const PAGES: [string, string][] = [
  ['home', '/'],
  ['article', '/articles/pmo-suited-person'],
  ['category', '/categories/job-change'],
  ['agents', '/agents'],
  ['comparison', '/agents/compare?agents=freelance-port,michibiki'],
  ['comparison picker', '/agents/compare?agents=michibiki'],
  ['agent', '/agents/michibiki'],
  ['agent, filtered', '/agents/michibiki?sort=helpful'],
  ['agent, reviews searched', `/agents/michibiki?q=${encodeURIComponent('面談')}`],
  ['review form', '/agents/michibiki/review'],
  ['author', '/authors/mizuno-kenta'],
  ['supervisor', '/authors/hojo-sayaka/supervised'],
  ['search', `/search?q=${encodeURIComponent('年収')}`],
  ['search, nothing found', `/search?q=${encodeURIComponent('該当なしの語句')}`],
  ['about', '/about'],
  ['ad policy', '/ad-policy'],
  ['privacy', '/privacy'],
  ['review guidelines', '/review-guidelines'],
  ['own reviews', '/my-reviews'],
  ['404', '/articles/does-not-exist'],
]

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')

type VnuMessage = { type: string; url: string; message: string; extract?: string }

test('the Nu Html Checker finds no error on any kind of public page', async ({ request }) => {
  test.setTimeout(120_000)
  const dir = mkdtempSync(path.join(tmpdir(), 'markup-'))
  try {
    const files: Record<string, string> = {}
    // a review's own page: the first one the agent page links to
    const agentHtml = await (await request.get('/agents/michibiki')).text()
    const reviewPath = agentHtml.match(/href="(\/agents\/michibiki\/reviews\/[A-Za-z0-9]+)"/)?.[1]
    expect(reviewPath).toBeDefined()
    for (const [name, address] of [...PAGES, ['review', reviewPath!] as [string, string]]) {
      const res = await request.get(address)
      expect(res.status(), address).toBe(name === '404' ? 404 : 200)
      const file = path.join(dir, `${name.replace(/[^a-z0-9]+/g, '-')}.html`)
      writeFileSync(file, await res.body())
      files[`file:${file}`] = address
    }
    const { stdout, stderr } = await promisify(execFile)(
      'java',
      ['-jar', VNU_JAR, '--errors-only', '--exit-zero-always', '--format', 'json', dir],
      { maxBuffer: 64 * 1024 * 1024 },
    )
    // the checker writes its report to stderr
    const report = JSON.parse(stderr || stdout) as { messages: VnuMessage[] }
    const errors = report.messages
      .filter((m) => m.type === 'error')
      .map((m) => `${files[m.url] ?? m.url}: ${m.message} ${m.extract ?? ''}`)
    expect(errors).toEqual([])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
