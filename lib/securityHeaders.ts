// The security headers of every response the production server sends: pages (also those the
// page cache answers, which keep the headers Next sent with them), 404s, the API, media files
// and redirects. No per-request nonce, so cached pages stay byte-for-byte reusable; Next's
// inline bootstrap scripts then need 'unsafe-inline' for scripts, the strictest Next allows
// without nonces. Only the site's own pages may be framed, and only by the site itself (the
// admin's live preview); the admin and the API may not be framed at all.

const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
]

const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'

/** True for paths that may only ever be shown at the top level (admin, API). */
const neverFramed = (pathname: string) =>
  pathname === '/admin' ||
  pathname.startsWith('/admin/') ||
  pathname === '/api' ||
  pathname.startsWith('/api/')

/** The security headers for a response to this path. */
export function securityHeaders(pathname: string, https: boolean): Record<string, string> {
  const framed = !neverFramed(pathname)
  const csp = [
    ...SITE_CSP,
    `frame-ancestors ${framed ? "'self'" : "'none'"}`,
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
  return {
    'Content-Security-Policy': csp,
    'X-Frame-Options': framed ? 'SAMEORIGIN' : 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}
