import type { CollectionConfig } from 'payload'

import { isMarketer } from '@/access/isMarketer'
import { checkHealthNow } from '@/endpoints/clickEndpoints'
import { isStaffField } from '@/access/isStaff'
import { nobodyField } from '@/access/nobody'
import { linksForSiteOrStaff } from '@/access/linksForSiteOrStaff'
import { refuseWhileShown } from '@/lib/dependents'
import { JA_DATE_TIME, l } from '@/lib/i18n'
import { MAX_DESTINATIONS, STICKY_DAYS } from '@/lib/clicks/rotation'
import { SUB_ID_MAX, SUB_ID_PLACEHOLDERS, subIdTemplateProblem } from '@/lib/clicks/subId'
import { ASPS, LINK_HEALTH, LINK_STATUS, toOptions } from '@/lib/taxonomy'

import { slugField } from '../shared/slugField'
import { validateHttpUrl } from '../shared/validators'
import { forgetCachedLinks } from './hooks/forgetCachedLinks'
import { revalidateLink, revalidateLinkAfterDelete } from './hooks/revalidateLink'

// everything but the slug and status is for staff only, whoever reads
const staffOnly = { read: isStaffField }

const validateWeight = (value: unknown) =>
  value === null ||
  value === undefined ||
  (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100)
    ? true
    : '重みは0〜100の整数で入力してください。'

export const AffiliateLinks: CollectionConfig = {
  slug: 'affiliate-links',
  labels: {
    singular: l('アフィリエイトリンク', 'Affiliate link'),
    plural: l('アフィリエイトリンク', 'Affiliate links'),
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'asp', 'status', 'clickCounts', 'activeUntil', 'healthState'],
    group: l('収益', 'Revenue'),
    description: l(
      '記事やCTAからは /go/スラッグ で参照します',
      'Articles and CTAs link to /go/{slug}',
    ),
  },
  access: {
    read: linksForSiteOrStaff,
    create: isMarketer,
    update: isMarketer,
    delete: isMarketer,
  },
  endpoints: [checkHealthNow],
  fields: [
    {
      name: 'name',
      type: 'text',
      label: l('管理名', 'Name'),
      required: true,
      maxLength: 80,
      access: staffOnly,
    },
    slugField(),
    {
      name: 'agent',
      type: 'relationship',
      relationTo: 'agents',
      label: l('エージェント', 'Agent'),
      required: true,
      index: true,
      access: staffOnly,
    },
    {
      name: 'asp',
      type: 'select',
      label: l('ASP', 'ASP'),
      required: true,
      options: toOptions(ASPS),
      access: staffOnly,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'destinationUrl',
          type: 'text',
          label: l('遷移先URL', 'Destination URL'),
          required: true,
          validate: validateHttpUrl(true),
          access: staffOnly,
          admin: { width: '75%' },
        },
        {
          name: 'primaryWeight',
          type: 'number',
          label: l('振り分けの重み', 'Weight'),
          defaultValue: 100,
          min: 0,
          max: 100,
          access: staffOnly,
          validate: validateWeight,
          admin: {
            width: '25%',
            description: l(
              '振り分け先があるときだけ使います',
              'Used only when there are alternatives',
            ),
          },
        },
      ],
    },
    {
      name: 'alternatives',
      type: 'array',
      label: l('振り分け先(A/Bテスト)', 'Rotation (A/B test)'),
      labels: { singular: l('振り分け先', 'Alternative'), plural: l('振り分け先', 'Alternatives') },
      maxRows: MAX_DESTINATIONS - 1,
      access: staffOnly,
      admin: {
        description: l(
          `遷移先URLと合わせて最大${MAX_DESTINATIONS}件に、重みの割合で振り分けます。同じ読者は${STICKY_DAYS}日間同じ遷移先へ進みます(Cookie)。`,
          `Readers are spread over up to ${MAX_DESTINATIONS} destinations by weight and keep theirs for ${STICKY_DAYS} days.`,
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'url',
              type: 'text',
              label: l('URL', 'URL'),
              required: true,
              validate: validateHttpUrl(true),
              admin: { width: '60%' },
            },
            {
              name: 'weight',
              type: 'number',
              label: l('重み', 'Weight'),
              required: true,
              defaultValue: 50,
              min: 0,
              max: 100,
              validate: validateWeight,
              admin: { width: '20%' },
            },
            {
              name: 'label',
              type: 'text',
              label: l('名前(レポート用)', 'Label'),
              maxLength: 40,
              admin: { width: '20%' },
            },
          ],
        },
      ],
    },
    {
      name: 'subIdTemplate',
      type: 'text',
      label: l('サブIDのテンプレート(このリンクだけ)', 'Sub-ID template (this link)'),
      maxLength: SUB_ID_MAX,
      access: staffOnly,
      validate: (value: unknown) =>
        typeof value === 'string' && value ? (subIdTemplateProblem(value) ?? true) : true,
      admin: {
        description: l(
          `空欄ならアフィリエイト設定のASPごとのテンプレートを使います。差し込み項目: ${SUB_ID_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
          `Empty: the ASP's template in the affiliate settings. Placeholders: ${SUB_ID_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
        ),
      },
    },
    {
      name: 'landingUrl',
      type: 'text',
      label: l('広告主のLP URL(リンク確認用)', 'Landing page URL (health check)'),
      validate: validateHttpUrl(false),
      access: staffOnly,
      admin: {
        description: l(
          'リンク確認はこのURLにだけアクセスします(ASPの計測URLには送らないので、クリックは発生しません)',
          'The health check requests only this URL, never the tracking URL',
        ),
      },
    },
    {
      name: 'status',
      type: 'select',
      label: l('状態', 'Status'),
      required: true,
      defaultValue: 'active',
      options: toOptions(LINK_STATUS),
      admin: {
        position: 'sidebar',
        // the list shows what the link does now: 期限切れ once its schedule has ended
        components: { Cell: '/components/admin/LinkStatusCell#LinkStatusCell' },
      },
    },
    {
      name: 'currentState',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/components/admin/LinkStatusCell#LinkStateNote' },
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'activeFrom',
          type: 'date',
          label: l('掲載開始', 'Active from'),
          access: staffOnly,
          admin: { date: JA_DATE_TIME },
        },
        {
          name: 'activeUntil',
          type: 'date',
          label: l('掲載終了', 'Active until'),
          access: staffOnly,
          admin: { date: JA_DATE_TIME },
          validate: (
            value: unknown,
            { siblingData }: { siblingData: { activeFrom?: unknown } },
          ) => {
            if (!value || !siblingData?.activeFrom) return true
            return new Date(String(siblingData.activeFrom)) < new Date(String(value))
              ? true
              : '掲載終了は掲載開始より後の日時にしてください。'
          },
        },
      ],
    },
    {
      name: 'fallbackUrl',
      type: 'text',
      label: l('期間外の遷移先URL', 'Fallback URL'),
      validate: validateHttpUrl(false),
      access: staffOnly,
      admin: {
        description: l(
          '掲載期間外はこちらへ遷移します(空欄なら遷移しません)',
          'Used outside the schedule',
        ),
      },
    },
    {
      name: 'notes',
      type: 'textarea',
      label: l('メモ', 'Notes'),
      maxLength: 1000,
      access: staffOnly,
    },
    {
      name: 'health',
      type: 'group',
      label: l('リンクの状態', 'Health'),
      access: { read: isStaffField, update: nobodyField },
      admin: {
        readOnly: true,
        description: l(
          '毎日とこのページの「今すぐ確認」で、広告主のLP URLを確認します',
          'Checked daily and on demand',
        ),
      },
      fields: [
        {
          name: 'lastCheckedAt',
          type: 'date',
          label: l('最終確認', 'Last checked'),
          admin: { date: JA_DATE_TIME },
        },
        { name: 'lastStatus', type: 'text', label: l('結果', 'Result') },
        { name: 'httpStatus', type: 'number', label: l('HTTPステータス', 'HTTP status') },
        { name: 'finalUrl', type: 'text', label: l('最終URL', 'Final URL') },
        { name: 'durationMs', type: 'number', label: l('応答時間(ミリ秒)', 'Time (ms)') },
      ],
    },
    {
      // top level, so the link list can show it as a column and filter on it
      name: 'healthState',
      type: 'select',
      label: l('リンク確認', 'Health'),
      options: toOptions(LINK_HEALTH),
      index: true,
      access: { read: isStaffField, update: nobodyField },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      // readers' clicks today, over 7 and over 30 days: a column of the list and on the page
      name: 'clickCounts',
      type: 'ui',
      label: l('クリック(今日/7日/30日)', 'Clicks (today/7d/30d)'),
      admin: {
        position: 'sidebar',
        components: {
          Cell: '/components/admin/LinkClicks#LinkClicksCell',
          Field: '/components/admin/LinkClicks#LinkClicksField',
        },
      },
    },
    {
      // the full /go/ address and a button that copies it
      name: 'goAddress',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/components/admin/GoAddress#GoAddress' },
      },
    },
    {
      name: 'healthCheck',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/components/admin/LinkHealthButton#LinkHealthButton' },
      },
    },
    {
      name: 'usage',
      type: 'ui',
      label: l('使用箇所', 'Used in'),
      admin: { components: { Field: '/components/admin/LinkUsage#LinkUsage' } },
    },
  ],
  hooks: {
    afterChange: [forgetCachedLinks, revalidateLink],
    beforeDelete: [refuseWhileShown('links')],
    afterDelete: [forgetCachedLinks, revalidateLinkAfterDelete],
  },
}
