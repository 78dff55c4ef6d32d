import type { CollectionConfig } from 'payload'

import { approvedOrStaff } from '@/access/approvedOrStaff'
import { isEditor, isEditorField } from '@/access/isEditor'
import { isStaffField } from '@/access/isStaff'
import { nobodyField } from '@/access/nobody'
import { JA_DATE_TIME, l } from '@/lib/i18n'
import { BODY_MAX, PEN_NAME_MAX, TITLE_MAX } from '@/lib/reviewForm'
import {
  AGE_BANDS,
  EXPERIENCE_YEARS,
  GENDERS,
  INDUSTRIES,
  REJECTION_REASONS,
  REPLY_AUTHORS,
  REVIEW_SOURCES,
  REVIEW_STATUS,
  SUB_RATINGS,
  USAGE,
  toOptions,
} from '@/lib/taxonomy'

import { characterCount } from '../shared/validators'
import {
  refreshAgentRatingAfterChange,
  refreshAgentRatingAfterDelete,
} from './hooks/refreshAgentRating'
import { closeReports } from './hooks/closeReports'
import { deleteVotes } from './hooks/deleteVotes'
import { prepareReviewText } from './hooks/prepareReviewText'
import { recordDecision } from './hooks/recordDecision'
import { guardWithdrawal } from './hooks/guardWithdrawal'
import { dropReviewSearch, indexReviewSearch } from './hooks/indexReviewSearch'
import { revalidateReview, revalidateReviewAfterDelete } from './hooks/revalidateReview'

const oneToFive = (value: number | null | undefined) =>
  value === null ||
  value === undefined ||
  (Number.isInteger(value) && value >= 1 && value <= 5) ||
  '1〜5の整数で入力してください(未回答なら空のまま)。'

/** Server-set fields: readable by editors, written by no API. */
const serverOnly = { read: isEditorField, create: nobodyField, update: nobodyField }

// A reader's attributes are read through the site's pages, which show them only as coarsely
// as lib/reviewPrivacy.ts allows; the API gives them to staff alone.
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
  access: { read: isStaffField },
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
  // an agent page reads one agent's approved reviews in one of its orders, and the moderation
  // queue one state's reviews by date: with these, a page reads its ten rows in order instead
  // of sorting every review of a busy agent (tests/int/queryPlans.int.spec.ts)
  indexes: [
    // createdAt last: Payload orders ties by it, and a page past the first reads its ids from
    // the index alone (lib/pageRows.ts), never the skipped reviews from the table
    { fields: ['agent', 'status', 'submittedAt', 'createdAt'] },
    { fields: ['agent', 'status', 'rating', 'submittedAt', 'createdAt'] },
    { fields: ['agent', 'status', 'helpfulCount', 'submittedAt', 'createdAt'] },
    // the queue by date; and the sitemap's review files (lib/sitemapRuns.ts), each a range of
    // submission dates whose newest change (updatedAt) is read from the index alone
    { fields: ['status', 'submittedAt', 'createdAt', 'updatedAt'] },
    // 「投稿した口コミ」: one browser's reviews, newest first
    { fields: ['readerKey', 'submittedAt'] },
  ],
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
    {
      name: 'subRatings',
      type: 'group',
      label: l('項目別の評価', 'Sub-ratings'),
      admin: { description: l('空欄は未回答', 'Empty means not answered') },
      fields: [
        {
          type: 'row',
          fields: Object.entries(SUB_RATINGS).map(([name, label]) => ({
            name,
            type: 'number' as const,
            label,
            min: 1,
            max: 5,
            validate: oneToFive,
          })),
        },
      ],
    },
    {
      name: 'title',
      type: 'text',
      label: l('タイトル', 'Title'),
      required: true,
      validate: characterCount(1, TITLE_MAX),
    },
    {
      name: 'body',
      type: 'textarea',
      label: l('本文', 'Body'),
      required: true,
      validate: characterCount(30, BODY_MAX),
    },
    {
      name: 'penName',
      type: 'text',
      label: l('ペンネーム', 'Pen name'),
      validate: characterCount(0, PEN_NAME_MAX),
      admin: {
        description: l(
          '投稿者が任意で付けた名前。空欄なら「匿名の利用者」と表示します',
          'Optional; shown as 「匿名の利用者」 when empty',
        ),
      },
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
      type: 'row',
      fields: [
        {
          name: 'usedYear',
          type: 'number',
          label: l('利用時期(年)', 'Used in (year)'),
          min: 2000,
          max: 2100,
          admin: { step: 1 },
        },
        {
          name: 'usedMonth',
          type: 'number',
          label: l('利用時期(月)', 'Used in (month)'),
          min: 1,
          max: 12,
          admin: { step: 1 },
        },
      ],
    },
    {
      name: 'usage',
      type: 'select',
      label: l('利用結果', 'Outcome'),
      required: true,
      options: toOptions(USAGE),
    },
    {
      name: 'rewarded',
      type: 'checkbox',
      label: l('謝礼・特典を受け取って書かれた口コミ', 'Written for a reward'),
      defaultValue: false,
      admin: {
        description: l(
          '「謝礼あり」と表示されます。評価によって隠したり絞り込んだりしません。',
          'Shown with a reward label; never hidden or filtered by its rating.',
        ),
      },
    },
    {
      name: 'reply',
      type: 'group',
      label: l('返信(口コミの下に表示)', 'Reply (shown under the review)'),
      admin: {
        description: l(
          '編集部から、またはエージェントから受け取った公式回答を、1件だけ掲載できます。',
          'One reply: from the editors, or an official answer from the agent entered by an editor.',
        ),
      },
      fields: [
        {
          name: 'author',
          type: 'select',
          label: l('返信者', 'From'),
          options: toOptions(REPLY_AUTHORS),
          validate: (
            value: string | null | undefined,
            { siblingData }: { siblingData: { text?: string | null } },
          ) => (siblingData?.text?.trim() && !value ? '返信者を選んでください。' : true),
        },
        { name: 'text', type: 'textarea', label: l('返信の本文', 'Text'), maxLength: 1000 },
        {
          name: 'repliedAt',
          type: 'date',
          label: l('返信日', 'Replied at'),
          admin: { readOnly: true, date: JA_DATE_TIME },
        },
      ],
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
      name: 'rejectionCategory',
      type: 'select',
      label: l('却下の理由', 'Rejection reason'),
      options: toOptions(REJECTION_REASONS),
      admin: { position: 'sidebar', condition: (_, sibling) => sibling?.status === 'rejected' },
      validate: (
        value: string | null | undefined,
        { siblingData }: { siblingData: { status?: string } },
      ) => (siblingData?.status === 'rejected' && !value ? '却下する理由を選んでください。' : true),
    },
    {
      name: 'rejectionReason',
      type: 'textarea',
      label: l('却下理由の補足', 'Rejection note'),
      maxLength: 500,
      admin: { position: 'sidebar', condition: (_, sibling) => sibling?.status === 'rejected' },
      validate: (
        value: string | null | undefined,
        { siblingData }: { siblingData: { status?: string; rejectionCategory?: string } },
      ) =>
        siblingData?.status === 'rejected' &&
        siblingData.rejectionCategory === 'other' &&
        !value?.trim()
          ? '「その他」の場合は理由を書いてください。'
          : true,
    },
    {
      name: 'submittedAt',
      type: 'date',
      label: l('投稿日時', 'Submitted at'),
      required: true,
      index: true,
      defaultValue: () => new Date().toISOString(),
      admin: { position: 'sidebar', date: JA_DATE_TIME },
    },
    {
      name: 'source',
      type: 'select',
      label: l('投稿経路', 'Source'),
      defaultValue: 'editor',
      options: toOptions(REVIEW_SOURCES),
      access: serverOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'signals',
      type: 'group',
      label: l('審査の参考情報', 'Moderation signals'),
      access: serverOnly,
      admin: { position: 'sidebar', readOnly: true },
      fields: [
        {
          name: 'recentFromSubmitter',
          type: 'number',
          label: l('同じ投稿者の直近30日の投稿数', 'Submissions from this reader in 30 days'),
        },
        {
          name: 'similarity',
          type: 'number',
          label: l('既存の口コミとの類似度(0〜1)', 'Similarity to other reviews (0–1)'),
        },
        {
          name: 'bannedWords',
          type: 'text',
          label: l('該当した禁止語', 'Banned words found'),
        },
      ],
    },
    {
      // 「参考になった」 votes, counted afresh by the votes' hook (collections/ReviewVotes)
      name: 'helpfulCount',
      type: 'number',
      label: l('参考になった', 'Helpful votes'),
      defaultValue: 0,
      index: true,
      access: { create: nobodyField, update: nobodyField },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      // the combination of the four attributes (lib/reviewPrivacy.ts), set by prepareReviewText
      name: 'attributeKey',
      type: 'text',
      index: true,
      access: { read: isStaffField, create: nobodyField, update: nobodyField },
      admin: { hidden: true },
    },
    {
      // the body's duplicate key (lib/reviewText.ts), set by prepareReviewText
      name: 'bodyFingerprint',
      type: 'text',
      unique: true,
      access: serverOnly,
      admin: { hidden: true },
    },
    {
      // the browser that posted it (lib/readerIdentity.ts readerReviewKey): its 「投稿した口コミ」
      // page lists the review and may withdraw it; no API reads or writes it
      name: 'readerKey',
      type: 'text',
      access: { read: nobodyField, create: nobodyField, update: nobodyField },
      admin: { hidden: true },
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
    beforeChange: [guardWithdrawal, prepareReviewText],
    afterChange: [
      recordDecision,
      closeReports,
      refreshAgentRatingAfterChange,
      indexReviewSearch,
      revalidateReview,
    ],
    beforeDelete: [deleteVotes],
    afterDelete: [refreshAgentRatingAfterDelete, dropReviewSearch, revalidateReviewAfterDelete],
  },
}
