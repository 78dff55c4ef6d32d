import { ja } from '@payloadcms/translations/languages/ja'
import { describe, expect, it } from 'vitest'

import config from '@payload-config'

import { adminJapanese } from './adminJapanese'

/** Payload's Japanese with the site's overrides, as the admin reads it. */
function merged() {
  const overrides = adminJapanese(ja) as Record<string, Record<string, string>>
  const out: Record<string, Record<string, string>> = {}
  for (const [group, strings] of Object.entries(ja.translations))
    out[group] = { ...(strings as Record<string, string>), ...overrides[group] }
  return out
}

describe("the admin's Japanese", () => {
  it('names no field with a space before its particle, and has no English placeholder', () => {
    const texts = Object.values(merged()).flatMap((group) => Object.entries(group))
    const spaced = texts.filter(([, text]) =>
      /\}\} [\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(text),
    )
    expect(spaced).toEqual([])
    const english = texts.filter(([, text]) => /^<No |^Untitled$/.test(text))
    expect(english).toEqual([])
    const general = merged().general!
    expect(general.successfullyCreated).toBe('{{label}}が作成されました。')
    expect(merged().fields!.addLabel).toBe('{{label}}を追加')
    expect(general.untitled).toBe('無題')
    expect(general.noLabel).toBe('(「{{label}}」なし)')
  })

  it('is what the site’s Payload is given', async () => {
    const { i18n } = await config
    const given = (i18n?.translations as Record<string, Record<string, Record<string, string>>>).ja!
    expect(given.general!.untitled).toBe('無題')
    expect(given.general!.successfullyCreated).toBe('{{label}}が作成されました。')
  })
})
