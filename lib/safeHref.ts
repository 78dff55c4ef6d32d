/**
 * The href a rich-text link may carry on the public site: site-relative paths, http(s),
 * mailto: and tel:. Anything else (javascript:, data:, vbscript: …) yields null and the
 * text is shown without a link.
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null
  const value = url.trim()
  if (!value) return null
  // `//host` and `/\host` are other sites to a browser, not paths on this one
  if (value.startsWith('/') && !/^\/[/\\]/.test(value)) return value
  if (value.startsWith('#')) return value
  try {
    const parsed = new URL(value)
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(parsed.protocol)
      ? parsed.toString()
      : null
  } catch {
    return null
  }
}
