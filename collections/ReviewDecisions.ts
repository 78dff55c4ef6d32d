import type { CollectionConfig } from 'payload'

import { isEditor, hiddenFromNonEditors } from '@/access/isEditor'
import { nobody } from '@/access/nobody'
import { l } from '@/lib/i18n'
import { REJECTION_REASONS, REVIEW_STATUS, toOptions } from '@/lib/taxonomy'

/**
 * The moderation record: every decision on a review (who, when, from which state to which,
 * the reason and the rating of the review at that moment, so the rates by rating can be
 * shown). Written only by the reviews' hook; no API, not even an admin's, can add, alter or
 * remove an entry.
 */
export const ReviewDecisions: CollectionConfig = {
  slug: 'review-decisions',
  labels: {
    singular: l('審査記録', 'Moderation record'),
    plural: l('審査記録', 'Moderation records'),
  },
  admin: {
    useAsTitle: 'reviewTitle',
    defaultColumns: ['reviewTitle', 'rating', 'decision', 'reasonCategory', 'by', 'createdAt'],
    group: l('コンテンツ', 'Content'),
    hidden: hiddenFromNonEditors,
  },
  access: { read: isEditor, create: nobody, update: nobody, delete: nobody },
  timestamps: true,
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'review',
      type: 'relationship',
      relationTo: 'reviews',
      label: l('口コミ', 'Review'),
      // not required: the record outlives a deleted review, named by its title below
      index: true,
    },
    { name: 'reviewTitle', type: 'text', label: l('口コミのタイトル', 'Review title') },
    { name: 'rating', type: 'number', label: l('評価', 'Rating') },
    { name: 'from', type: 'select', label: l('変更前', 'From'), options: toOptions(REVIEW_STATUS) },
    {
      name: 'decision',
      type: 'select',
      label: l('判断', 'Decision'),
      options: toOptions(REVIEW_STATUS),
      required: true,
      index: true,
    },
    {
      name: 'reasonCategory',
      type: 'select',
      label: l('却下の理由', 'Rejection reason'),
      options: toOptions(REJECTION_REASONS),
    },
    { name: 'note', type: 'textarea', label: l('補足', 'Note'), maxLength: 500 },
    { name: 'by', type: 'relationship', relationTo: 'users', label: l('判断した人', 'By') },
  ],
}
