import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { APIError, formatErrors, ValidationError } from 'payload'
import { describe, expect, it, onTestFinished } from 'vitest'

import { fieldErrorsOf, isFieldError, restoreValidationAnswer, statusOf } from './payloadErrors'

// A second copy of Payload's error classes, as the production build holds one per layer:
// Payload's own files, loaded again as other modules (copied beside node_modules, so that
// their imports resolve as the originals' do).
async function secondCopyOfValidationError(): Promise<typeof ValidationError> {
  const errors = path.join(
    path.dirname(createRequire(import.meta.url).resolve('payload')),
    'errors',
  )
  const dir = mkdtempSync(path.join(process.cwd(), 'node_modules', '.payload-errors-copy-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  for (const file of ['APIError.js', 'ValidationError.js'])
    copyFileSync(path.join(errors, file), path.join(dir, file.replace(/\.js$/, '.mjs')))
  const source = path.join(dir, 'ValidationError.mjs')
  writeFileSync(source, readFileSync(source, 'utf8').replace("'./APIError.js'", "'./APIError.mjs'"))
  const url = pathToFileURL(source).href
  return ((await import(/* @vite-ignore */ url)) as { ValidationError: typeof ValidationError })
    .ValidationError
}

const refusal = (Class: typeof ValidationError) =>
  new Class({
    collection: 'agents',
    errors: [
      { message: 'https:// で始まる公式サイトのURLを入力してください。', path: 'officialUrl' },
    ],
  })

describe('Payload errors from another copy of its classes', () => {
  it('a validation error of the other copy loses its field messages in Payload’s formatter, and gets them back', async () => {
    const Other = await secondCopyOfValidationError()
    expect(Other).not.toBe(ValidationError)
    const error = refusal(Other)
    expect(error instanceof ValidationError).toBe(false)
    expect(error instanceof APIError).toBe(false)
    // what the REST answer was on CI: only the summary
    const formatted = formatErrors(error)
    expect(JSON.stringify(formatted)).not.toContain('https:// で始まる')
    const restored = restoreValidationAnswer(error, formatted)
    expect(restored).toEqual({
      errors: [
        {
          name: 'ValidationError',
          message: error.message,
          data: {
            collection: 'agents',
            errors: [
              {
                message: 'https:// で始まる公式サイトのURLを入力してください。',
                path: 'officialUrl',
              },
            ],
          },
        },
      ],
    })
    // and it reads as its own copy's answer would
    expect(restored).toEqual(JSON.parse(JSON.stringify(formatErrors(refusal(ValidationError)))))
  })

  it('field errors are read from either copy; other errors are not validation errors', async () => {
    const Other = await secondCopyOfValidationError()
    for (const error of [refusal(Other), refusal(ValidationError)]) {
      expect(isFieldError(error, 'officialUrl')).toBe(true)
      expect(isFieldError(error, 'slug')).toBe(false)
      expect(fieldErrorsOf(error)?.map((e) => e.path)).toEqual(['officialUrl'])
      expect(statusOf(error)).toBe(400)
    }
    const crash = new Error('disk full')
    expect(fieldErrorsOf(crash)).toBeUndefined()
    expect(statusOf(crash)).toBeUndefined()
    expect(restoreValidationAnswer(crash, { errors: [{ message: 'x' }] })).toEqual({
      errors: [{ message: 'x' }],
    })
    // a 400 with a data shape that is not field errors stays as formatted
    const odd = Object.assign(new Error('odd'), { status: 400, data: { errors: ['text'] } })
    expect(fieldErrorsOf(odd)).toBeUndefined()
  })
})
