import type { CollectionConfig } from 'payload'

import { isEditor, hiddenFromNonEditors } from '@/access/isEditor'
import { nobody } from '@/access/nobody'
import { l } from '@/lib/i18n'

import { recountHelpful } from './hooks/recountHelpful'

/**
 * 「参考になった」 votes, one per reader per review: a reader is the signed cookie's id and the
 * hashed address (lib/readerIdentity.ts), and each has its own unique key per review, so a
 * second vote is refused by the database even when both arrive at once. Written only by the
 * site's vote action; no API can add, change or remove one.
 */
export const ReviewVotes: CollectionConfig = {
  slug: 'review-votes',
  labels: {
    singular: l('参考になった', 'Helpful vote'),
    plural: l('参考になった', 'Helpful votes'),
  },
  admin: {
    defaultColumns: ['review', 'createdAt'],
    group: l('コンテンツ', 'Content'),
    hidden: hiddenFromNonEditors,
  },
  access: { read: isEditor, create: nobody, update: nobody, delete: nobody },
  timestamps: true,
  fields: [
    {
      name: 'review',
      type: 'relationship',
      relationTo: 'reviews',
      label: l('口コミ', 'Review'),
      required: true,
      index: true,
    },
    // `<review id>:<reader id>` and `<review id>:<address hash>`
    { name: 'readerKey', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'addressKey', type: 'text', required: true, unique: true, admin: { hidden: true } },
  ],
  hooks: { afterChange: [recountHelpful] },
}
