// What the benchmarks share: the site started on its own database through `npm start`'s
// server, the load generator (wrk when installed, autocannon otherwise) and the demo editor's
// sign-in. Loopback only.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import autocannon from 'autocannon'

// wrk (Debian's package) when installed: a load generator in C leaves the server the bottleneck.
// autocannon runs in Node on the same 2 cores and cannot keep up with a static file of this
// size, which flatters every ratio against it.
export const WRK = spawnSync('wrk', ['--version']).error ? null : 'wrk'
export const CLIENT = WRK ? 'wrk' : 'autocannon'

/** wrk's latency ("812.00us", "4.21ms", "1.02s") in milliseconds. */
const wrkMs = (value: string) => {
  const [, n, unit] = /^([\d.]+)(us|ms|s)$/.exec(value) ?? []
  return Number((Number(n) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1)).toPrecision(3))
}

/** The q-quantile of ascending times (nearest rank). */
export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0
/** Milliseconds to three significant figures, as the tables show them. */
export const round = (ms: number) => Number(ms.toPrecision(3))

export type Measured = { rps: number; p50: number; p99: number; errors: number }

/** Loads one URL for some seconds: requests per second, p50/p99 latency, errors. */
export async function measure(
  url: string,
  headers: Record<string, string> | undefined,
  seconds: number,
  connections: number,
): Promise<Measured> {
  if (WRK) {
    const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency']
    for (const [name, value] of Object.entries(headers ?? {})) args.push('-H', `${name}: ${value}`)
    const { stdout } = await promisify(execFile)(WRK, [...args, url])
    const field = (re: RegExp) => re.exec(stdout)?.[1] ?? '0'
    return {
      rps: Math.round(Number(field(/Requests\/sec:\s+([\d.]+)/))),
      p50: wrkMs(field(/\s50%\s+(\S+)/)),
      p99: wrkMs(field(/\s99%\s+(\S+)/)),
      errors:
        Number(field(/Non-2xx or 3xx responses: (\d+)/)) +
        (/Socket errors:.*(?:connect|read|write|timeout) [1-9]/.test(stdout) ? 1 : 0),
    }
  }
  const result = await autocannon({ url, headers, connections, duration: seconds })
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }
}

/** The site on a loopback port and a database of its own (seeded with the demo content). */
export function benchServer(port: number, database: string, env: Record<string, string> = {}) {
  const origin = `http://127.0.0.1:${port}`
  const start = (): ChildProcess =>
    spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        SITE_URL: origin,
        DATABASE_URI: database,
        PAYLOAD_SECRET:
          process.env.PAYLOAD_SECRET || 'bench-only-secret-not-for-production-0123456789',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  const stop = async (child: ChildProcess) => {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
  const ready = async (deadline: number) => {
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${origin}/`)).ok) return
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 1000))
    }
    throw new Error('the site did not start in time')
  }
  return { origin, start, stop, ready }
}

/** Signs in as the demo editor through the REST API, as the admin does. */
export async function editorToken(origin: string): Promise<string> {
  const res = await fetch(`${origin}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: 'editor@example.com',
      password: process.env.DEMO_PASSWORD || 'editor-demo-2026',
    }),
  })
  const body = (await res.json()) as { token?: string }
  if (!body.token) throw new Error(`editor login failed: ${res.status}`)
  return body.token
}

/**
 * Debian's nginx (nginx-light) on a loopback port, serving the files put in its folder: the
 * physical anchor every page is held to in the same run. One worker process, as the site is
 * one Node process; keep-alive as browsers and wrk use it. Null when nginx is not installed.
 */
export async function startNginx(port: number, folder: string) {
  const binary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p))
  if (!binary) return null
  const root = path.resolve(folder)
  rmSync(root, { recursive: true, force: true })
  mkdirSync(path.join(root, 'www'), { recursive: true })
  const conf = path.join(root, 'nginx.conf')
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${root}/nginx.pid;
error_log ${root}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${root}/tmp;
  proxy_temp_path ${root}/tmp;
  fastcgi_temp_path ${root}/tmp;
  uwsgi_temp_path ${root}/tmp;
  scgi_temp_path ${root}/tmp;
  types { text/html html; application/xml xml; }
  server {
    listen 127.0.0.1:${port};
    root ${root}/www;
  }
}
`,
  )
  const child = spawn(binary, ['-p', root, '-c', conf, '-e', `${root}/error.log`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const origin = `http://127.0.0.1:${port}`
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`${origin}/`)
      break
    } catch {
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  return {
    origin,
    /** puts a file where nginx serves it, at `/name` */
    put: (name: string, bytes: string | Buffer) =>
      writeFileSync(path.join(root, 'www', name), bytes),
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGQUIT')
      await exited
      rmSync(root, { recursive: true, force: true })
    },
  }
}
