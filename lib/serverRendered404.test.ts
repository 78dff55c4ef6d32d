import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { withCompression } from './compressResponses'
import { withServerRendered404 } from './serverRendered404'

// A stand-in for Next behind lib/serverRendered404, wired as scripts/server.ts wires it
// (compression outside). It answers as Next's app pages do: headers set one by one, then the
// head flushed before the first chunk, the body streamed, and the handler returning only once
// the response has finished. A notFound() page answers 404 with Next's empty error document.
const ERROR_DOCUMENT = '<!DOCTYPE html><html id="__next_error__"><head></head><body></body></html>'
// (longer than the size below which responses are sent uncompressed)
const SITE_404 = `<!DOCTYPE html><html lang="ja"><body><h1>ページが見つかりませんでした</h1>${'<p>本文</p>'.repeat(200)}</body></html>`

async function answerAsNext(res: http.ServerResponse, status: number, chunks: string[]) {
  res.statusCode = status
  res.setHeader('Content-Type', 'text/html; charset=utf-8')
  res.setHeader('x-nextjs-cache', 'MISS')
  res.setHeader('Cache-Control', 's-maxage=31536000')
  res.setHeader('ETag', '"abc"')
  const finished = new Promise((resolve) => res.once('finish', resolve))
  for (const [i, chunk] of chunks.entries()) {
    if (i === 0) res.flushHeaders()
    res.write(chunk)
    await new Promise((resolve) => setImmediate(resolve))
  }
  res.end()
  await finished
}

const rendered404: string[] = []
// the requests whose handling has ended, however it ended
const settled: string[] = []
const handler = withCompression(
  withServerRendered404(
    async (req, res) => {
      const url = req.url ?? '/'
      if (url.startsWith('/go/')) res.setHeader('X-Robots-Tag', 'noindex, nofollow')
      if (url === '/api/none') {
        res.writeHead(404, { 'Content-Type': 'application/json' })
        res.end('{"errors":[]}')
        return
      }
      if (url === '/plain-404') {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end('not here')
        return
      }
      if (url === '/exists') return answerAsNext(res, 200, ['<html lang="ja">', 'ok</html>'])
      return answerAsNext(res, 404, [ERROR_DOCUMENT.slice(0, 30), ERROR_DOCUMENT.slice(30)])
    },
    async (req, res) => {
      rendered404.push(req.url ?? '')
      // a slow 404 render, for a reader who leaves before it ends
      if (req.url === '/slow/none') await new Promise((resolve) => setTimeout(resolve, 500))
      res.statusCode = 404
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate')
      res.end(req.method === 'HEAD' ? undefined : SITE_404)
    },
  ),
)
const server = http.createServer((req, res) => {
  void handler(req, res).finally(() => settled.push(req.url ?? ''))
})
// the site's security headers are set before the handler runs
server.prependListener('request', (_req, res: http.ServerResponse) =>
  res.setHeader('X-Frame-Options', 'SAMEORIGIN'),
)
let base = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

async function get(path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, init)
  return { status: res.status, headers: res.headers, body: await res.text() }
}

describe('a page that finds nothing to show', () => {
  it('answers with the 404 rendered on the server, not Next’s empty error document', async () => {
    const res = await get('/articles/none')
    expect(res.status).toBe(404)
    expect(res.body).toBe(SITE_404)
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    // nothing of the held-back answer describes the one sent
    expect(res.headers.get('x-nextjs-cache')).toBeNull()
    expect(res.headers.get('etag')).toBeNull()
    expect(res.headers.get('cache-control')).toBe(
      'private, no-cache, no-store, max-age=0, must-revalidate',
    )
  })

  it('keeps what the page said about indexing', async () => {
    const res = await get('/go/none')
    expect(res.status).toBe(404)
    expect(res.body).toBe(SITE_404)
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow')
  })

  it('compressed like every other page', async () => {
    const { status, encoding, body } = await new Promise<{
      status?: number
      encoding?: string
      body: Buffer
    }>((resolve, reject) => {
      http
        .get(`${base}/agents/none`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              encoding: res.headers['content-encoding'],
              body: Buffer.concat(chunks),
            }),
          )
        })
        .on('error', reject)
    })
    expect(status).toBe(404)
    expect(encoding).toBe('gzip')
    expect(zlib.gunzipSync(body).toString()).toBe(SITE_404)
  })

  it('a reader who leaves while the 404 renders leaves nothing waiting', async () => {
    const controller = new AbortController()
    const request = fetch(`${base}/slow/none`, { signal: controller.signal }).catch(() => null)
    await new Promise((resolve) => setTimeout(resolve, 100))
    controller.abort()
    await request
    await expect.poll(() => settled.includes('/slow/none'), { timeout: 2_000 }).toBe(true)
  })

  it('HEAD gets the 404 status with no body', async () => {
    const res = await get('/articles/none', { method: 'HEAD' })
    expect(res.status).toBe(404)
    expect(res.body).toBe('')
  })
})

describe('everything else passes through as Next wrote it', () => {
  it('a page that exists', async () => {
    const before = rendered404.length
    const res = await get('/exists')
    expect(res.status).toBe(200)
    expect(res.body).toBe('<html lang="ja">ok</html>')
    expect(res.headers.get('x-nextjs-cache')).toBe('MISS')
    expect(rendered404.length).toBe(before)
  })

  it('a client navigation, which the browser renders itself', async () => {
    const res = await get('/articles/none', { headers: { rsc: '1' } })
    expect(res.status).toBe(404)
    expect(res.body).toBe(ERROR_DOCUMENT)
  })

  it('the API and answers that are not HTML pages', async () => {
    expect((await get('/api/none')).body).toBe('{"errors":[]}')
    const plain = await get('/plain-404')
    expect(plain.status).toBe(404)
    expect(plain.body).toBe('not here')
  })

  it('a server action’s POST', async () => {
    const res = await get('/articles/none', { method: 'POST', body: 'x' })
    expect(res.body).toBe(ERROR_DOCUMENT)
  })
})
