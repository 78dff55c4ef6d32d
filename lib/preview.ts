import { createHmac, timingSafeEqual } from 'node:crypto'

import { isValidSlug } from '@/collections/shared/validators'

// Draft preview links carry a secret derived from PAYLOAD_SECRET, so no extra setting is
// needed and a link cannot be forged without the server's secret. The secret alone is not
// enough: the preview route also requires a signed-in editor, writer or admin.

const secret = () =>
  createHmac('sha256', process.env.PAYLOAD_SECRET ?? '')
    .update('article-preview')
    .digest('hex')

export const isPreviewSecret = (value: unknown): boolean => {
  if (typeof value !== 'string' || !process.env.PAYLOAD_SECRET) return false
  const expected = Buffer.from(secret())
  const given = Buffer.from(value)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** The address that opens an article's latest draft as readers would see it. */
export const previewPath = (slug: unknown): string | null =>
  isValidSlug(slug) ? `/preview?slug=${encodeURIComponent(String(slug))}&secret=${secret()}` : null
