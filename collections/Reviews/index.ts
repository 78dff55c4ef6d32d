import type { CollectionConfig } from 'payload'

import { approvedOrStaff } from '@/access/approvedOrStaff'
import { isEditor, isEditorField } from '@/access/isEditor'
import { rememberArticlesShowing } from '@/lib/dependents'
import { l } from '@/lib/i18n'
import {
  AGE_BANDS,
  EXPERIENCE_YEARS,
  GENDERS,
  INDUSTRIES,
  REVIEW_STATUS,
  USAGE,
  toOptions,
} from '@/lib/taxonomy'

import {
  refreshAgentRatingAfterChange,
  refreshAgentRatingAfterDelete,
} from './hooks/refreshAgentRating'
import { revalidateReview, revalidateReviewAfterDelete } from './hooks/revalidateReview'

const attribute = (
  name: string,
  label: { ja: string; en: string },
  map: Record<string, string>,
) => ({
  name,
  type: 'select' as const,
  label,
  required: true,
  defaultValue: 'no_answer',
  options: toOptions(map),
})

export const Reviews: CollectionConfig = {
  slug: 'reviews',
  labels: { singular: l('口コミ', 'Review'), plural: l('口コミ', 'Reviews') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'agent', 'rating', 'status', 'submittedAt'],
    group: l('コンテンツ', 'Content'),
  },
  defaultSort: '-submittedAt',
  access: {
    read: approvedOrStaff,
    // readers' reviews arrive through the site's review form, which validates and rate-limits;
    // the API itself only lets editors enter or moderate them
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  fields: [
    {
      name: 'agent',
      type: 'relationship',
      relationTo: 'agents',
      label: l('エージェント', 'Agent'),
      required: true,
      index: true,
    },
    {
      name: 'rating',
      type: 'number',
      label: l('評価', 'Rating'),
      required: true,
      min: 1,
      max: 5,
      validate: (value: number | null | undefined) =>
        Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5
          ? true
          : '評価は1〜5の整数で入力してください。',
    },
    { name: 'title', type: 'text', label: l('タイトル', 'Title'), required: true, maxLength: 60 },
    {
      name: 'body',
      type: 'textarea',
      label: l('本文', 'Body'),
      required: true,
      minLength: 30,
      maxLength: 2000,
    },
    {
      type: 'row',
      fields: [
        attribute('ageBand', l('年代', 'Age band'), AGE_BANDS),
        attribute('gender', l('性別', 'Gender'), GENDERS),
      ],
    },
    {
      type: 'row',
      fields: [
        attribute('industry', l('業界', 'Industry'), INDUSTRIES),
        attribute('experienceYears', l('経験年数', 'Experience'), EXPERIENCE_YEARS),
      ],
    },
    {
      name: 'usage',
      type: 'select',
      label: l('利用状況', 'Usage'),
      required: true,
      options: toOptions(USAGE),
    },
    {
      name: 'status',
      type: 'select',
      label: l('審査状況', 'Moderation'),
      required: true,
      defaultValue: 'pending',
      index: true,
      options: toOptions(REVIEW_STATUS),
      admin: { position: 'sidebar' },
    },
    {
      name: 'rejectionReason',
      type: 'textarea',
      label: l('却下理由', 'Rejection reason'),
      maxLength: 500,
      admin: { position: 'sidebar', condition: (_, sibling) => sibling?.status === 'rejected' },
      validate: (
        value: string | null | undefined,
        { siblingData }: { siblingData: { status?: string } },
      ) =>
        siblingData?.status === 'rejected' && !value?.trim()
          ? '却下する場合は理由を入力してください。'
          : true,
    },
    {
      name: 'submittedAt',
      type: 'date',
      label: l('投稿日時', 'Submitted at'),
      required: true,
      index: true,
      defaultValue: () => new Date().toISOString(),
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      // a salted hash, never the address itself: enough to rate-limit and trace abuse
      name: 'submitterHash',
      type: 'text',
      label: l('投稿者識別子(ハッシュ)', 'Submitter hash'),
      access: { read: isEditorField, create: isEditorField, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
  hooks: {
    afterChange: [refreshAgentRatingAfterChange, revalidateReview],
    beforeDelete: [rememberArticlesShowing('reviews')],
    afterDelete: [refreshAgentRatingAfterDelete, revalidateReviewAfterDelete],
  },
}
