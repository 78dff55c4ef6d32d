import type { TextFieldSingleValidation } from 'payload'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** True for a URL-safe slug: lowercase letters, digits and single hyphens. */
export const isValidSlug = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 80 && SLUG_PATTERN.test(value)

export const validateSlug: TextFieldSingleValidation = (value) => {
  if (!value) return 'スラッグを入力してください。'
  if (!isValidSlug(value)) {
    return 'スラッグは半角英小文字・数字・ハイフンで入力してください(例: pmo-career-guide、80文字まで)。'
  }
  return true
}

/** True for an absolute http(s) URL; javascript:, data: and relative URLs are refused. */
export const isHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string' || value.length > 2000) return false
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname)
  } catch {
    return false
  }
}

export const validateHttpUrl =
  (required: boolean): TextFieldSingleValidation =>
  (value) => {
    if (!value) return required ? 'URLを入力してください。' : true
    if (!isHttpUrl(value)) return 'http:// または https:// で始まる正しいURLを入力してください。'
    return true
  }
