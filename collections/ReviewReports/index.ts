import type { CollectionConfig } from 'payload'

import { isEditor, hiddenFromNonEditors } from '@/access/isEditor'
import { nobody } from '@/access/nobody'
import { l } from '@/lib/i18n'
import { REPORT_NOTE_MAX } from '@/lib/reviewReports'
import { REPORT_REASONS, REPORT_STATUS, toOptions } from '@/lib/taxonomy'

import { characterCount } from '../shared/validators'
import { recordKeptReview } from './hooks/recordKeptReview'

/**
 * Readers' reports (「通報」) on published reviews. They arrive through the site's report form
 * (lib/reviewReports.ts), which validates and rate-limits; the review stays published until a
 * moderator decides. Editors close a report by keeping the review (recorded as a decision) or
 * by rejecting the review, which closes its open reports.
 */
export const ReviewReports: CollectionConfig = {
  slug: 'review-reports',
  labels: { singular: l('通報', 'Report'), plural: l('通報', 'Reports') },
  admin: {
    useAsTitle: 'reviewTitle',
    defaultColumns: ['reviewTitle', 'reason', 'status', 'createdAt'],
    group: l('コンテンツ', 'Content'),
    hidden: hiddenFromNonEditors,
  },
  access: { read: isEditor, create: nobody, update: isEditor, delete: nobody },
  timestamps: true,
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'review',
      type: 'relationship',
      relationTo: 'reviews',
      label: l('口コミ', 'Review'),
      // not required: the report outlives a deleted review, named by its title below
      index: true,
      access: { update: () => false },
    },
    {
      name: 'reviewTitle',
      type: 'text',
      label: l('口コミのタイトル', 'Review title'),
      access: { update: () => false },
    },
    {
      name: 'reason',
      type: 'select',
      label: l('理由', 'Reason'),
      required: true,
      options: toOptions(REPORT_REASONS),
      access: { update: () => false },
    },
    {
      name: 'note',
      type: 'textarea',
      label: l('通報者の補足', 'Note'),
      validate: characterCount(0, REPORT_NOTE_MAX),
      access: { update: () => false },
    },
    {
      name: 'status',
      type: 'select',
      label: l('対応', 'Status'),
      required: true,
      defaultValue: 'open',
      index: true,
      options: toOptions(REPORT_STATUS),
      admin: { position: 'sidebar' },
    },
    {
      // a salted hash of the reporter's address (lib/readerIdentity.ts), never the address
      name: 'reporterHash',
      type: 'text',
      label: l('通報者識別子(ハッシュ)', 'Reporter hash'),
      access: { update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
  hooks: { afterChange: [recordKeptReview] },
}
