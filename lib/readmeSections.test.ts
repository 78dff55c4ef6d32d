import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

// Messages and comments send staff to a section of the README by its heading (「Durability and
// backup」, (README, "Search")): each must name a heading the README has, or the reader of an
// error message is sent nowhere.

const FOLDERS = ['app', 'collections', 'components', 'endpoints', 'jobs', 'lib', 'scripts']
const REFERENCE = /(bench\/)?README(?:\.md)?(?: の|、|,)? ?[「"]([^」"\n]{2,60})[」"]/g

function* sourceFiles(folder: string): Generator<string> {
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name)
    if (statSync(file).isDirectory()) yield* sourceFiles(file)
    else if (/\.(ts|tsx|mjs)$/.test(name)) yield file
  }
}

/** The headings of a README, without the command a bench section names in parentheses. */
const headingsOf = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => /^#{1,4} (.+?)(?: \(`[^)]*\))?$/.exec(line)?.[1] ?? [])

const READMES = { '': headingsOf('README.md'), 'bench/': headingsOf('bench/README.md') }

describe('references to README sections', () => {
  const references = FOLDERS.flatMap((folder) =>
    [...sourceFiles(folder)].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(REFERENCE)].map(
        (m) => [file, `${m[1] ?? ''}README.md`, m[2]!] as const,
      ),
    ),
  )

  it('are found in the sources (the scripts’ MongoDB messages among them)', () => {
    expect(references.map(([file]) => file)).toContain(path.join('scripts', 'backup.ts'))
  })

  it.each(references)('%s names a heading of %s: 「%s」', (_file, readme, section) => {
    expect(READMES[readme.replace('README.md', '') as keyof typeof READMES]).toContain(section)
  })
})
