import type { GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/isEditor'
import { TAGS } from '@/lib/cacheTags'
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
  ],
  hooks: {
    // every page shows the settings (header, footer, PR line)
    afterChange: [({ doc, context }) => (revalidateTags([TAGS.settings], context), doc)],
  },
}
