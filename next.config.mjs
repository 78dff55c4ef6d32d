import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // the front server compresses every answer, with brotli too (lib/compressResponses.ts);
  // Next's own compression knows only gzip and would encode pages before the page cache
  compress: false,
  // `npm test` type-checks the whole project first (tsc --noEmit); the build does not repeat it
  typescript: { ignoreBuildErrors: true },
  // loaded by Node from node_modules: its database stores import their drivers at run time
  serverExternalPackages: ['rate-limiter-flexible'],
  // Next's route and data caches: an LRU of this many bytes as Next counts them (characters of
  // HTML, JSON text of data), which is two to five times less than they take in the heap
  // (measured with a heap snapshot: about 250 MB held by a full 50 MB cache, Next's default)
  cacheMaxMemorySize: 24 * 1024 * 1024,
  experimental: {
    // Next's route and data caches live in its in-memory LRU only (cacheMaxMemorySize).
    // On disk they grew by one entry per address ever asked for, unknown slugs' 404 pages
    // included (647 MB after 30,000 addresses), and every start empties them anyway
    // (lib/runtimeCaches.ts: the database may have changed while the server was down).
    isrFlushToDisk: false,
    // app/global-not-found.tsx: the 404 document rendered on the server, in the site's frame
    // (the site has two root layouts, the public site's and the admin's; lib/serverRendered404)
    globalNotFound: true,
  },
  images: {
    // uploads are served by Payload's own API route
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
}

const config = withPayload(nextConfig, { devBundleServerPackages: false })

// withPayload asks every response for the colour-scheme client hint, as Critical-CH. The admin
// uses it for its theme; on the public site it would make browsers restart a reader's first
// page load to send the hint, and split shared caches by colour scheme. Scope it to the admin.
const payloadHeaders = config.headers
config.headers = async () =>
  (await payloadHeaders()).map((rule) =>
    rule.source === '/:path*' && rule.headers.some((h) => h.key === 'Critical-CH')
      ? { ...rule, source: '/admin/:path*' }
      : rule,
  )

export default config
