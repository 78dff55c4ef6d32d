import { stringify } from 'csv-stringify/sync'

export type CsvColumn<K extends string = string> = { key: K; header: string }

/**
 * Every CSV the project writes: a BOM and CRLF so Excel opens the Japanese text as it should,
 * and cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return, or their full-width forms) prefixed with ' so they stay text. Cell text can
 * come from anyone with an account (an agent's name, a link's note).
 */
export function toCsv<K extends string>(
  rows: Partial<Record<K, unknown>>[],
  columns: readonly CsvColumn<K>[],
  // a CSV written in parts (a stream of pages): the BOM and header go with the first part only
  { header = true }: { header?: boolean } = {},
): string {
  return `${header ? '\uFEFF' : ''}${stringify(rows, {
    header,
    columns: columns.map((c) => ({ key: c.key, header: c.header })),
    record_delimiter: 'windows',
    escape_formulas: true,
  })}`
}
