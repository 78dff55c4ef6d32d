import type { GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/isEditor'
import { isStaffField } from '@/access/isStaff'
import { DEFAULT_ASP_DOMAINS } from '@/lib/affiliateUrls'
import { TAGS } from '@/lib/cacheTags'
import { OUTDATED_FACTS_MODES } from '@/lib/facts'
import { l } from '@/lib/i18n'
import { revalidateTags } from '@/lib/revalidate'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: l('サイト設定', 'Site settings'),
  admin: { group: l('設定', 'Settings') },
  // editors own PR labelling, so they may change the disclosure wording
  access: { read: anyone, update: isEditor },
  fields: [
    {
      name: 'siteName',
      type: 'text',
      label: l('サイト名', 'Site name'),
      required: true,
      maxLength: 40,
    },
    {
      name: 'siteDescription',
      type: 'textarea',
      label: l('サイトの説明', 'Site description'),
      maxLength: 200,
    },
    {
      name: 'operatorName',
      type: 'text',
      label: l('運営会社', 'Operator'),
      required: true,
      maxLength: 80,
    },
    {
      name: 'licenceLine',
      type: 'text',
      label: l('有料職業紹介の許可表記', 'Placement licence line'),
      required: true,
      maxLength: 200,
    },
    {
      name: 'prDisclosureText',
      type: 'text',
      label: l('PR表記の文言', 'PR disclosure text'),
      required: true,
      maxLength: 200,
      defaultValue: '※ 本コンテンツにはプロモーション(PR)が含まれています。',
    },
    {
      name: 'reviewSourceLine',
      type: 'text',
      label: l('口コミの出典表記', 'Review source line'),
      required: true,
      maxLength: 200,
    },
    {
      name: 'adPolicySummary',
      type: 'textarea',
      label: l('広告掲載ポリシー(要約)', 'Ad policy summary'),
      maxLength: 1000,
    },
    {
      name: 'compliance',
      type: 'group',
      label: l('コンプライアンス', 'Compliance'),
      // editors' working settings, not for the public API
      access: { read: isStaffField },
      fields: [
        {
          name: 'aspDomains',
          type: 'array',
          label: l('ASPのトラッキングドメイン', 'ASP tracking domains'),
          labels: { singular: l('ドメイン', 'Domain'), plural: l('ドメイン', 'Domains') },
          admin: {
            description: l(
              '本文やリンク欄にこれらのドメインのURLを直接貼ることはできません(リンク管理から挿入します)',
              'URLs on these domains cannot be pasted into articles; use the link manager',
            ),
          },
          defaultValue: DEFAULT_ASP_DOMAINS.map((domain) => ({ domain })),
          fields: [
            {
              name: 'domain',
              type: 'text',
              label: l('ドメイン', 'Domain'),
              required: true,
              maxLength: 120,
              validate: (value: unknown) =>
                typeof value === 'string' && /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(value.trim())
                  ? true
                  : 'px.a8.net のようなドメイン名を入力してください',
            },
          ],
        },
        {
          name: 'factsMaxAgeMonths',
          type: 'number',
          label: l('エージェント情報(○年○月現在)の有効期間(月)', 'Agent facts max age (months)'),
          defaultValue: 12,
          min: 1,
          max: 120,
          required: true,
        },
        {
          name: 'outdatedFacts',
          type: 'select',
          label: l('有効期間を過ぎたエージェント情報', 'Facts past their max age'),
          options: Object.entries(OUTDATED_FACTS_MODES).map(([value, label]) => ({
            value,
            label: l(label, value),
          })),
          defaultValue: 'note',
          required: true,
          admin: {
            description: l(
              'エージェントページ・カード・比較表で、古い数値に「情報が古い可能性があります」と添えるか、表示しないか。編集者が時点を更新すると元に戻ります',
              'Shown with a note, or hidden, until an editor updates them',
            ),
          },
        },
        {
          name: 'staleArticleMonths',
          type: 'number',
          label: l('記事を更新なしで置ける期間(月)', 'Article stale after (months)'),
          defaultValue: 12,
          min: 1,
          max: 120,
          required: true,
        },
      ],
    },
    {
      name: 'reviewModeration',
      type: 'group',
      label: l('口コミの審査', 'Review moderation'),
      // moderators' working settings: a public list of banned words would tell spammers
      // what to avoid
      access: { read: isStaffField },
      fields: [
        {
          name: 'bannedWords',
          type: 'textarea',
          label: l('禁止語(1行に1語)', 'Banned words (one per line)'),
          maxLength: 20_000,
          admin: {
            description: l(
              '投稿された口コミにこれらの語が含まれると、審査キューで知らせます(全角・半角、大文字・小文字は区別しません)。',
              'Reviews containing these words are flagged in the moderation queue (width and case are ignored).',
            ),
          },
        },
      ],
    },
  ],
  hooks: {
    // every page shows the settings (header, footer, PR line)
    afterChange: [({ doc, context }) => (revalidateTags([TAGS.settings], context), doc)],
  },
}
