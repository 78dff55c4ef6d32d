import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project first (tsc --noEmit); the build does not repeat it
  typescript: { ignoreBuildErrors: true },
  images: {
    // uploads are served by Payload's own API route
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
