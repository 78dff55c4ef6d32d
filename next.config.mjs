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
