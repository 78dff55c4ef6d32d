import type { TextField } from 'payload'

import { l } from '@/lib/i18n'

import { duplicateSlug, validateSlug } from './validators'

/** The unique, URL-safe slug every public document is addressed by. */
export const slugField = (overrides: Partial<TextField> = {}): TextField =>
  ({
    name: 'slug',
    type: 'text',
    label: l('スラッグ', 'Slug'),
    required: true,
    unique: true,
    index: true,
    validate: validateSlug,
    hooks: {
      // Payload's duplicate appends " - Copy" to unique fields, which is no valid slug
      beforeDuplicate: [({ value }) => duplicateSlug(value)],
    },
    admin: {
      position: 'sidebar',
      description: l(
        'URLに使われます。半角英小文字・数字・ハイフン',
        'Used in the URL: a-z, 0-9 and hyphens',
      ),
    },
    ...overrides,
  }) as TextField
