import type { ja } from '@payloadcms/translations/languages/ja'

// The admin's Japanese, where Payload's own reads as a translation: placeholders in English
// (「[Untitled]」, 「<No リンク>」) and a space between a field's name and the particle after
// it (「記事 が作成されました。」, 「リンク を追加」), which Japanese does not write. Passed to
// Payload as `i18n.translations.ja` (payload.config.ts), over its own.

type Groups = (typeof ja)['translations']
type Overrides = { [G in keyof Groups]?: Partial<Record<keyof Groups[G], string>> }

// a space Payload leaves after a placeholder ({{label}}, {{count}}, {{title}}) before Japanese text
const SPACED = /(\{\{\w+\}\}) (?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー])/gu

const PLACEHOLDERS: Overrides = {
  general: {
    untitled: '無題',
    noLabel: '(「{{label}}」なし)',
  },
}

/** The overrides for Payload's Japanese: every spaced particle joined, and the placeholders. */
export function adminJapanese(base: typeof ja): Overrides {
  const out: Record<string, Record<string, string>> = {}
  for (const [group, strings] of Object.entries(base.translations)) {
    for (const [key, text] of Object.entries(strings as Record<string, string>)) {
      if (typeof text !== 'string' || !SPACED.test(text)) continue
      SPACED.lastIndex = 0
      ;(out[group] ??= {})[key] = text.replace(SPACED, '$1')
    }
  }
  for (const [group, strings] of Object.entries(PLACEHOLDERS))
    Object.assign((out[group] ??= {}), strings)
  return out as Overrides
}
