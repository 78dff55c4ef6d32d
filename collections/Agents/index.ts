import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditorOrMarketer } from '@/access/isEditorOrMarketer'
import { isEditor } from '@/access/isEditor'
import { isStaffField } from '@/access/isStaff'
import { nobodyField } from '@/access/nobody'
import { refuseWhileShown } from '@/lib/dependents'
import { l } from '@/lib/i18n'
import { AGENT_KINDS, toOptions } from '@/lib/taxonomy'

import { refuseRawAffiliateUrls } from '../shared/refuseRawAffiliateUrls'
import { redirectOldSlug } from '../shared/redirectOldSlug'
import { slugField } from '../shared/slugField'
import { validateOfficialUrl, validateSlug } from '../shared/validators'
import { countLogoUses, countLogoUsesAfterDelete } from './hooks/countLogoUses'
import { revalidateAgent, revalidateAgentAfterDelete } from './hooks/revalidateAgent'

const readOnlyAggregate = {
  readOnly: true,
  position: 'sidebar' as const,
  description: l('承認済みの口コミから自動計算されます', 'Computed from approved reviews'),
}

// computed from the approved reviews by the server (refreshAgentRating), never set by a person
const computedOnly = { create: nobodyField, update: nobodyField }

export const Agents: CollectionConfig = {
  slug: 'agents',
  labels: { singular: l('エージェント', 'Agent'), plural: l('エージェント', 'Agents') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'ratingAverage', 'reviewCount'],
    group: l('コンテンツ', 'Content'),
  },
  access: {
    read: anyone,
    create: isEditor,
    // marketers keep agent CTAs (the primary link) current
    update: isEditorOrMarketer,
    delete: isEditor,
  },
  fields: [
    { name: 'name', type: 'text', label: l('名前', 'Name'), required: true, maxLength: 60 },
    slugField({
      // /agents/compare is the comparison page
      validate: ((value, options) =>
        value === 'compare'
          ? 'このスラッグは使えません(比較ページのURLです)。'
          : validateSlug(value, options)) as TextFieldSingleValidation,
    }),
    {
      name: 'kind',
      type: 'select',
      label: l('種別', 'Kind'),
      required: true,
      options: toOptions(AGENT_KINDS),
      admin: { position: 'sidebar' },
    },
    { name: 'logo', type: 'upload', relationTo: 'media', label: l('ロゴ', 'Logo') },
    {
      name: 'officialUrl',
      type: 'text',
      label: l('公式サイト', 'Official site'),
      validate: validateOfficialUrl,
      admin: {
        description: l(
          '運営会社の公式サイト(https://)。アフィリエイトリンクではなく、公式のURLを入れます。エージェントのページと構造化データに載ります',
          "The agency's own site (https://), not an affiliate link: shown on its page and in its structured data",
        ),
      },
    },
    {
      name: 'sameAs',
      type: 'array',
      label: l('公式アカウント', 'Official profiles'),
      maxRows: 10,
      admin: {
        description: l(
          '公式のSNSや企業情報ページ(https://)。構造化データの sameAs になります',
          'Official social or company profiles (https://), listed as sameAs',
        ),
      },
      fields: [
        {
          name: 'url',
          type: 'text',
          label: 'URL',
          required: true,
          validate: validateOfficialUrl,
        },
      ],
    },
    {
      name: 'catchCopy',
      type: 'text',
      label: l('キャッチコピー', 'Catch copy'),
      required: true,
      maxLength: 80,
    },
    {
      name: 'description',
      type: 'textarea',
      label: l('紹介文', 'Description'),
      required: true,
      maxLength: 1200,
    },
    {
      name: 'strengths',
      type: 'array',
      label: l('強み', 'Strengths'),
      labels: { singular: l('強み', 'Strength'), plural: l('強み', 'Strengths') },
      minRows: 1,
      maxRows: 5,
      fields: [
        { name: 'text', type: 'text', label: l('強み', 'Strength'), required: true, maxLength: 80 },
      ],
    },
    {
      name: 'target',
      type: 'group',
      label: l('対象', 'Target'),
      fields: [
        {
          name: 'experience',
          type: 'text',
          label: l('対象となる経験', 'Experience'),
          maxLength: 120,
        },
        {
          name: 'workingDays',
          type: 'text',
          label: l('稼働日数・働き方', 'Working days'),
          maxLength: 120,
        },
        { name: 'area', type: 'text', label: l('対応エリア', 'Area'), maxLength: 120 },
      ],
    },
    {
      name: 'facts',
      type: 'array',
      label: l('データ', 'Facts'),
      labels: { singular: l('データ', 'Fact'), plural: l('データ', 'Facts') },
      admin: {
        description: l(
          '案件数・求人数などの数値は必ず時点とともに記載します',
          'Every figure carries its as-of date',
        ),
      },
      fields: [
        { name: 'label', type: 'text', label: l('項目', 'Label'), required: true, maxLength: 40 },
        { name: 'value', type: 'text', label: l('値', 'Value'), required: true, maxLength: 60 },
        {
          name: 'asOf',
          type: 'date',
          label: l('時点', 'As of'),
          required: true,
          admin: { date: { pickerAppearance: 'monthOnly', displayFormat: 'yyyy年M月' } },
        },
      ],
    },
    {
      name: 'primaryLink',
      type: 'relationship',
      relationTo: 'affiliate-links',
      label: l('メインのアフィリエイトリンク', 'Primary affiliate link'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'ratingAverage',
      type: 'number',
      label: l('平均評価', 'Average rating'),
      min: 0,
      max: 5,
      defaultValue: 0,
      access: computedOnly,
      admin: readOnlyAggregate,
    },
    {
      name: 'reviewCount',
      type: 'number',
      label: l('口コミ数', 'Review count'),
      min: 0,
      defaultValue: 0,
      access: computedOnly,
      admin: readOnlyAggregate,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'ratingLast12Months',
          type: 'number',
          label: l('直近12か月の平均評価', 'Average, last 12 months'),
          defaultValue: 0,
          access: computedOnly,
          admin: readOnlyAggregate,
        },
        {
          name: 'reviewCountLast12Months',
          type: 'number',
          label: l('直近12か月の口コミ数', 'Reviews, last 12 months'),
          defaultValue: 0,
          access: computedOnly,
          admin: readOnlyAggregate,
        },
      ],
    },
    {
      // averages and counts by sub-rating and by reader attribute (lib/reviewAggregates.ts)
      name: 'ratingDetails',
      type: 'json',
      label: l('項目別・属性別の評価', 'Ratings by item and by reader'),
      access: computedOnly,
      admin: readOnlyAggregate,
    },
    {
      // how many published reviews share each combination of reader attributes: decides how
      // coarsely each review's attribute chips are shown (lib/reviewPrivacy.ts). Staff only:
      // the public sees the chips, never the counts behind them.
      name: 'reviewAttributeGroups',
      type: 'json',
      label: l('属性の組み合わせごとの口コミ数', 'Reviews per attribute combination'),
      access: { ...computedOnly, read: isStaffField },
      admin: { ...readOnlyAggregate, hidden: true },
    },
    {
      name: 'ratingDistribution',
      type: 'group',
      label: l('評価の分布', 'Rating distribution'),
      access: computedOnly,
      admin: readOnlyAggregate,
      fields: (['r1', 'r2', 'r3', 'r4', 'r5'] as const).map((name, i) => ({
        name,
        type: 'number' as const,
        label: `★${i + 1}`,
        defaultValue: 0,
        admin: { readOnly: true },
      })),
    },
  ],
  hooks: {
    beforeValidate: [
      refuseRawAffiliateUrls([
        'name',
        'catchCopy',
        'description',
        'strengths',
        'target',
        'facts',
        'officialUrl',
        'sameAs',
      ]),
    ],
    afterChange: [redirectOldSlug('agents', '/agents/'), countLogoUses, revalidateAgent],
    beforeDelete: [refuseWhileShown('agents')],
    afterDelete: [countLogoUsesAfterDelete, revalidateAgentAfterDelete],
  },
}
