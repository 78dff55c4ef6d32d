import type { CollectionConfig } from 'payload'

import { isEditor, isEditorField } from '@/access/isEditor'
import { publishedOrStaff } from '@/access/publishedOrStaff'
import { JA_DATE_TIME, l } from '@/lib/i18n'
import { articleEditor } from '@/lib/editor'
import { serverUrl } from '@/lib/env'
import { previewPath } from '@/lib/preview'
import { STATE_LABELS, WORKFLOW_STATES } from '@/lib/workflow'

import { refuseRawAffiliateUrls } from '../shared/refuseRawAffiliateUrls'
import { redirectOldSlug } from '../shared/redirectOldSlug'
import { slugField } from '../shared/slugField'
import { validateArticleBody } from '../shared/validators'
import { canCreateArticle, canUpdateArticle } from './access'
import { assignAuthor } from './hooks/assignAuthor'
import { computePromotional } from './hooks/computePromotional'
import {
  countMediaUses,
  countMediaUsesAfterDelete,
  rememberLiveMedia,
} from './hooks/countMediaUses'
import { deriveFromBody } from './hooks/deriveFromBody'
import { enforceWorkflow, recordTransition } from './hooks/enforceWorkflow'
import { populateBylines } from './hooks/populateBylines'
import { revalidateArticle, revalidateArticleAfterDelete } from './hooks/revalidateArticle'
import { removeFromSearchIndex, removeListings, updateDerived } from './hooks/updateDerived'
import { isStaff, isStaffField } from '@/access/isStaff'

const absolutePreviewUrl = (slug: unknown) => {
  const path = previewPath(slug)
  return path ? `${serverUrl()}${path}` : null
}

// people by name in the list, for every row (components/admin/PersonCell.tsx)
const PERSON_CELL = '/components/admin/PersonCell#PersonCell'

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: l('記事', 'Article'), plural: l('記事', 'Articles') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'workflowState', 'promotional', '_status', 'author', 'updatedAt'],
    components: {
      // the top bar's main button is the next workflow step; publishing has one way only
      edit: { PublishButton: '/components/admin/WorkflowPublishButton#WorkflowPublishButton' },
    },
    group: l('コンテンツ', 'Content'),
    // the draft as readers would see it, through /preview (secret + signed-in staff)
    preview: (doc) => absolutePreviewUrl(doc?.slug),
    livePreview: {
      url: ({ data }) => absolutePreviewUrl(data?.slug) ?? '',
      breakpoints: [
        { name: 'mobile', label: 'スマートフォン', width: 375, height: 812 },
        { name: 'desktop', label: 'パソコン', width: 1280, height: 900 },
      ],
    },
  },
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: canCreateArticle,
    update: canUpdateArticle,
    delete: isEditor,
  },
  versions: {
    // drafts are validated like published saves (lengths, types, URLs): a draft is stored and
    // loaded in the editor, and an unchecked one can be any size
    drafts: { validate: true },
    maxPerDoc: 50,
  },
  defaultSort: '-publishedAt',
  // every reader list is "published, newest first" (Payload breaks ties by creation time):
  // with these indexes it reads the first rows in order instead of sorting every published
  // article, and a deep page's offset is counted in the index alone; the home page's featured
  // articles likewise (tests/int/queryPlans.int.spec.ts, bench/README.md "Scale"). The first
  // also holds updatedAt, so the sitemap index dates each file of 10,000 articles from the index
  // alone (getArticleSitemapDates), where reading the rows took about 0.9 s a file at 100,000
  indexes: [
    { fields: ['_status', 'publishedAt', 'createdAt', 'updatedAt'] },
    { fields: ['featured', '_status', 'publishedAt', 'createdAt'] },
    // the compliance checks (lib/compliance.ts): each kind is counted and paged in its index
    { fields: ['_status', 'updatedAt'] },
    { fields: ['_status', 'checks.missingReferences'] },
    { fields: ['_status', 'checks.promotes', 'promotional'] },
    // an author's or supervisor's page (/authors/[slug]): their published articles, newest first
    { fields: ['author', '_status', 'publishedAt', 'createdAt'] },
    { fields: ['supervisor', '_status', 'publishedAt', 'createdAt'] },
  ],
  fields: [
    { name: 'title', type: 'text', label: l('タイトル', 'Title'), required: true, maxLength: 120 },
    slugField(),
    {
      name: 'lead',
      type: 'textarea',
      label: l('リード文', 'Lead'),
      required: true,
      maxLength: 400,
    },
    {
      name: 'heroImage',
      type: 'upload',
      relationTo: 'media',
      label: l('アイキャッチ画像', 'Hero image'),
    },
    {
      name: 'body',
      type: 'richText',
      label: l('本文', 'Body'),
      required: true,
      editor: articleEditor,
      validate: validateArticleBody,
    },
    {
      name: 'summary',
      type: 'textarea',
      label: l('まとめ', 'Summary'),
      maxLength: 1200,
    },
    {
      name: 'relatedArticles',
      type: 'relationship',
      relationTo: 'articles',
      hasMany: true,
      maxRows: 6,
      label: l('関連記事', 'Related articles'),
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    {
      name: 'categories',
      type: 'relationship',
      relationTo: 'categories',
      // MongoDB's index for the admin's filter and the dependents' lookups (SQLite indexes the
      // relationship rows by itself)
      index: true,
      hasMany: true,
      required: true,
      minRows: 1,
      label: l('カテゴリ', 'Categories'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      label: l('著者', 'Author'),
      required: true,
      defaultValue: ({ user }: { user?: { id: string | number } | null }) => user?.id,
      admin: { position: 'sidebar', components: { Cell: PERSON_CELL } },
    },
    {
      name: 'supervisor',
      type: 'relationship',
      relationTo: 'users',
      label: l('監修者', 'Supervisor'),
      admin: { position: 'sidebar', components: { Cell: PERSON_CELL } },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: l('公開日', 'Published at'),
      index: true,
      admin: { position: 'sidebar', date: JA_DATE_TIME },
      hooks: {
        beforeChange: [
          ({ siblingData, value }) =>
            !value && siblingData._status === 'published' ? new Date().toISOString() : value,
        ],
      },
    },
    {
      name: 'workflowState',
      type: 'select',
      label: l('ワークフロー', 'Workflow'),
      options: WORKFLOW_STATES.map((value) => ({ value, label: l(STATE_LABELS[value], value) })),
      defaultValue: 'draft',
      index: true,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: l(
          '右上のボタン(レビュー依頼・公開)と下の操作ボタンで変更します。変更は履歴に残ります',
          'Changed with the top button and the buttons below; every change is recorded',
        ),
        components: { Cell: '/components/admin/WorkflowStateCell#WorkflowStateCell' },
      },
    },
    {
      name: 'scheduledAt',
      type: 'date',
      label: l('予約公開の日時', 'Scheduled for'),
      admin: {
        position: 'sidebar',
        readOnly: true,
        condition: (data) => data?.workflowState === 'scheduled',
        date: JA_DATE_TIME,
      },
    },
    {
      // the comment that goes with a transition (required for 差し戻し); stored in the history
      name: 'workflowComment',
      type: 'textarea',
      virtual: true,
      maxLength: 2000,
      admin: { hidden: true },
    },
    {
      name: 'workflowActions',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/components/admin/WorkflowActions#WorkflowActions' },
      },
    },
    {
      name: 'promotional',
      type: 'checkbox',
      label: l('PR表記', 'Promotional'),
      defaultValue: false,
      index: true,
      admin: {
        position: 'sidebar',
        readOnly: true,
        components: { Cell: '/components/admin/PromotionalCell#PromotionalCell' },
        description: l(
          'エージェントカード・比較表・/go/ リンクを含む記事、またはタイアップ記事は自動でPR表記になります',
          'Set automatically from CTAs, /go/ links or a tie-up',
        ),
      },
    },
    {
      name: 'featured',
      type: 'checkbox',
      label: l('トップページで注目記事にする', 'Feature on the home page'),
      defaultValue: false,
      index: true,
      access: { create: isEditorField, update: isEditorField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'tieUp',
      type: 'checkbox',
      label: l('タイアップ記事', 'Tie-up article'),
      defaultValue: false,
      access: { create: isEditorField, update: isEditorField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'sponsorName',
      type: 'text',
      label: l('広告主名', 'Sponsor'),
      maxLength: 80,
      access: { create: isEditorField, update: isEditorField },
      admin: { position: 'sidebar', condition: (_, sibling) => Boolean(sibling?.tieUp) },
    },
    {
      name: 'featuredAgents',
      type: 'relationship',
      relationTo: 'agents',
      hasMany: true,
      index: true,
      label: l('紹介しているエージェント', 'Featured agents'),
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: l(
          '本文のエージェントカード・比較表から自動で設定されます',
          'Set from the body',
        ),
      },
    },
    {
      // what the page shows besides its own fields, so a change to any of it expires the page
      // (lib/dependents.ts); written on every save, never by hand
      name: 'dependsOn',
      type: 'group',
      label: l('ページに表示している文書', 'Documents shown on the page'),
      access: { read: isStaffField },
      admin: { hidden: true, readOnly: true },
      fields: (
        [
          ['agents', 'agents'],
          ['reviews', 'reviews'],
          ['articles', 'articles'],
          ['links', 'affiliate-links'],
          ['media', 'media'],
        ] as const
      ).map(([name, relationTo]) => ({
        name,
        type: 'relationship' as const,
        relationTo,
        hasMany: true,
        index: true,
      })),
    },
    {
      // what the compliance checks query instead of reading bodies (lib/compliance.ts): the
      // agents whose own affiliate link the page's cards and tables send readers to, and how
      // many of the body's references named no document when it was saved; written on every
      // save, never by hand
      name: 'checks',
      type: 'group',
      label: l('コンプライアンス確認用', 'Compliance checks'),
      access: { read: isStaffField },
      admin: { hidden: true, readOnly: true },
      fields: [
        {
          name: 'primaryLinkAgents',
          type: 'relationship',
          relationTo: 'agents',
          hasMany: true,
          index: true,
        },
        { name: 'missingReferences', type: 'number', defaultValue: 0, index: true },
        // what the PR label is derived from (the body's CTAs or a tie-up), kept beside it so a
        // page whose label was changed around the hooks is one indexed query away
        { name: 'promotes', type: 'checkbox', defaultValue: false },
      ],
    },
    {
      name: 'history',
      type: 'join',
      collection: 'article-transitions',
      on: 'article',
      label: l('ワークフロー履歴', 'Workflow history'),
      defaultSort: '-createdAt',
      defaultLimit: 20,
      admin: {
        defaultColumns: ['from', 'to', 'byName', 'comment', 'promotional', 'createdAt'],
        allowCreate: false,
      },
    },
    {
      name: 'searchText',
      type: 'textarea',
      label: l('検索用テキスト', 'Search text'),
      admin: { hidden: true, readOnly: true },
    },
    {
      name: 'bylines',
      type: 'array',
      virtual: true,
      access: { create: () => false, update: () => false },
      admin: { hidden: true },
      fields: [
        {
          name: 'role',
          type: 'select',
          options: [
            { value: 'author', label: l('著者', 'Author') },
            { value: 'supervisor', label: l('監修者', 'Supervisor') },
          ],
        },
        { name: 'name', type: 'text' },
        // the person's page (/authors/[slug]), when they have one
        { name: 'slug', type: 'text' },
        { name: 'qualification', type: 'text' },
        { name: 'bio', type: 'textarea' },
      ],
    },
  ],
  hooks: {
    beforeValidate: [refuseRawAffiliateUrls(['title', 'lead', 'body', 'summary', 'meta'])],
    beforeChange: [
      assignAuthor,
      enforceWorkflow,
      computePromotional,
      deriveFromBody,
      rememberLiveMedia,
    ],
    afterChange: [
      recordTransition,
      redirectOldSlug('articles', '/articles/'),
      updateDerived,
      countMediaUses,
      revalidateArticle,
    ],
    beforeDelete: [removeListings],
    afterDelete: [removeFromSearchIndex, countMediaUsesAfterDelete, revalidateArticleAfterDelete],
    afterRead: [populateBylines],
  },
}
