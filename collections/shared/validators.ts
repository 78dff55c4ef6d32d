import type { RichTextFieldValidation, TextFieldSingleValidation } from 'payload'
import { richText } from 'payload/shared'

import { bodyReferences } from '@/lib/bodyReferences'
import { graphemeLength } from '@/lib/reviewText'
import { safeHref } from '@/lib/safeHref'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** True for a URL-safe slug: lowercase letters, digits and single hyphens. */
export const isValidSlug = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 80 && SLUG_PATTERN.test(value)

/** A valid, unused-looking slug for a duplicated document: `{slug}-copy-{random}`. */
export function duplicateSlug(value: unknown): string {
  const base = (typeof value === 'string' && isValidSlug(value) ? value : 'copy').slice(0, 60)
  return `${base.replace(/-copy-[a-z0-9]{4}$/, '')}-copy-${Math.random().toString(36).slice(2, 6).padEnd(4, '0')}`
}

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

/** An agency's own address: an https:// URL (readers follow it from the agent's page). */
export const validateOfficialUrl: TextFieldSingleValidation = (value) => {
  if (!value) return true
  if (!isHttpUrl(value) || !value.startsWith('https://')) {
    return 'https:// で始まる公式サイトのURLを入力してください。'
  }
  return true
}

/**
 * A length limit on readers' text, in the characters they see (lib/reviewText.ts), as the site's
 * forms count it: Payload's minLength and maxLength count UTF-16 units, so a title of 31 emoji
 * that the form accepts would be refused here as 62.
 */
export const characterCount =
  (min: number, max: number) =>
  (value: string | null | undefined): true | string => {
    const length = graphemeLength(value ?? '')
    if (length >= min && length <= max) return true
    return `${min > 0 ? `${min}〜${max}文字で` : `${max}文字以内で`}入力してください(いま${length}文字)。`
  }

/** An article body's stored size limit: far beyond any article, well short of a denial of service. */
export const BODY_MAX_BYTES = 512 * 1024

/**
 * The article body: Lexical's own checks, a size limit, and the link rule: every link-like
 * node (links, autolinks, block URL fields) must carry a URL the site would render as a link
 * (lib/safeHref): a site path, http(s), mailto: or tel:, never javascript:, data:, vbscript:
 * or a protocol-relative //host.
 */
export const validateArticleBody: RichTextFieldValidation = async (value, options) => {
  if (value && Buffer.byteLength(JSON.stringify(value)) > BODY_MAX_BYTES) {
    return `本文が長すぎます(${BODY_MAX_BYTES / 1024}KBまで)。記事を分けてください。`
  }
  const refs = bodyReferences(value)
  if (refs.reviewsQuotedTwice.length) {
    return '同じ口コミを2回引用しています。1つの記事で引用できるのは1回までです。どちらかの口コミ引用ブロックを削除するか、別の口コミを選んでください。'
  }
  const unsafe = refs.urls.filter(({ url }) => safeHref(url) === null)
  if (unsafe.length) {
    const shown = unsafe.map(({ url }) => `「${url.slice(0, 60)}」`).join('、')
    return `リンク先に使えないURLがあります: ${shown}。https:// で始まるURLか、サイト内のパス(/ で始まる)にしてください。`
  }
  return richText(value, options)
}
