import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'

import { toCsv } from './csv'

const columns = [
  { key: 'name', header: '名前' },
  { key: 'note', header: 'メモ' },
] as const

describe('toCsv', () => {
  it('writes a BOM, a header row and CRLF records', () => {
    const csv = toCsv([{ name: 'みちびき', note: '通常' }], columns)
    expect(csv.startsWith('\uFEFF名前,メモ\r\n')).toBe(true)
    expect(csv.endsWith('みちびき,通常\r\n')).toBe(true)
  })

  it('keeps cells that a spreadsheet would run as formulas as text', () => {
    const hostile = [
      '=HYPERLINK("https://evil.example","x")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '＝1',
    ]
    const csv = toCsv(
      hostile.map((name) => ({ name, note: 'x' })),
      columns,
    )
    const rows = parse(csv.slice(1), { columns: true }) as { 名前: string }[]
    expect(rows.map((r) => r.名前)).toEqual(hostile.map((h) => `'${h}`))
  })
})
