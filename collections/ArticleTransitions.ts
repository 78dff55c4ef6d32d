import type { CollectionConfig } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { JA_DATE_TIME, l } from '@/lib/i18n'
import { STATE_LABELS, WORKFLOW_STATES } from '@/lib/workflow'
import { hiddenFromNonEditors } from '@/access/isEditor'
import { canPreview } from '@/access/canPreview'

const stateOptions = WORKFLOW_STATES.map((value) => ({
  value,
  label: l(STATE_LABELS[value], value),
}))

/**
 * The editorial history of every article: who moved it from which state to which, when, with
 * what comment, and whether the version was promotional at that moment. Written only by the
 * articles' hooks on the server; no API can add, alter or remove an entry (admins may delete
 * an article's history with the article).
 */
export const ArticleTransitions: CollectionConfig = {
  slug: 'article-transitions',
  labels: {
    singular: l('ワークフロー履歴', 'Workflow event'),
    plural: l('ワークフロー履歴', 'Workflow history'),
  },
  admin: {
    useAsTitle: 'articleTitle',
    defaultColumns: ['articleTitle', 'from', 'to', 'byName', 'comment', 'createdAt'],
    group: l('コンテンツ', 'Content'),
    hidden: hiddenFromNonEditors,
  },
  access: {
    read: canPreview,
    create: nobody,
    update: nobody,
    delete: isAdmin,
  },
  timestamps: true,
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      label: l('記事', 'Article'),
      // not required: the history outlives a deleted article, named by its title below
      index: true,
    },
    { name: 'articleTitle', type: 'text', label: l('記事タイトル', 'Article title') },
    { name: 'from', type: 'select', label: l('変更前', 'From'), options: stateOptions },
    { name: 'to', type: 'select', label: l('変更後', 'To'), options: stateOptions, required: true },
    { name: 'by', type: 'relationship', relationTo: 'users', label: l('操作したユーザー', 'User') },
    {
      // the person's name when they made the move, for the history tables (a join table does
      // not resolve relationships: it would show 「<No 操作した人>」); empty for the site's own
      // moves (scheduled publishing), shown as 「自動(予約公開など)」
      name: 'byName',
      type: 'text',
      label: l('操作した人', 'By'),
      admin: { components: { Cell: '/components/admin/TransitionByCell#TransitionByCell' } },
    },
    { name: 'comment', type: 'textarea', label: l('コメント', 'Comment'), maxLength: 2000 },
    {
      name: 'scheduledAt',
      type: 'date',
      label: l('予約日時', 'Scheduled for'),
      admin: { date: JA_DATE_TIME },
    },
    {
      name: 'promotional',
      type: 'checkbox',
      label: l('この時点のPR表記', 'Promotional at this point'),
      defaultValue: false,
      // a PR badge or a dash, as in the articles list, instead of a raw true/false
      admin: { components: { Cell: '/components/admin/PromotionalCell#PromotionalCell' } },
    },
  ],
}
