const O = 'http://127.0.0.1:3441'
const kinds: Record<string, (n: number) => string> = {
  article: (n) => `/articles/pmo-suited-person?utm_source=s${n}&ref=${n}`,
  unknown: (n) => `/articles/no-such-article-${n}`,
  search: (n) => `/search?q=${encodeURIComponent(`検索語${n}`)}`,
  agent: (n) => `/agents/consul-links?sort=helpful&page=${(n % 3) + 1}&x=${n}`,
}
const only = process.argv[2]
const N = Number(process.argv[3] || 3000)
for (const [kind, url] of Object.entries(kinds)) {
  if (only && kind !== only) continue
  let next = 0; const t = Date.now()
  await Promise.all(Array.from({ length: 20 }, async () => { for (let n = next++; n < N; n = next++) await (await fetch(O + url(n + 1_000_000 * Math.floor(Math.random()*100)))).arrayBuffer() }))
  await new Promise((r) => setTimeout(r, 3500))
  const fs = await import('node:fs'); const lines = fs.readFileSync('/tmp/memlog.txt', 'utf8').trim().split('\n')
  console.log(kind, N, Math.round(N / ((Date.now() - t) / 1000)), 'req/s', lines.at(-1))
}
