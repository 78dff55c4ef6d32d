import type { CollectionConfig } from 'payload'

import { isMarketer } from '@/access/isMarketer'
import { isStaffField } from '@/access/isStaff'
import { linksForSiteOrStaff } from '@/access/linksForSiteOrStaff'
import { rememberArticlesShowing } from '@/lib/dependents'
import { l } from '@/lib/i18n'
import { ASPS, LINK_STATUS, toOptions } from '@/lib/taxonomy'

import { slugField } from '../shared/slugField'
import { validateHttpUrl } from '../shared/validators'
import { forgetCachedLinks } from './hooks/forgetCachedLinks'
import { revalidateLink, revalidateLinkAfterDelete } from './hooks/revalidateLink'

// everything but the slug and status is for staff only, whoever reads
const staffOnly = { read: isStaffField }

export const AffiliateLinks: CollectionConfig = {
  slug: 'affiliate-links',
  labels: {
    singular: l('アフィリエイトリンク', 'Affiliate link'),
    plural: l('アフィリエイトリンク', 'Affiliate links'),
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'asp', 'status', 'activeUntil'],
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
      name: 'destinationUrl',
      type: 'text',
      label: l('遷移先URL', 'Destination URL'),
      required: true,
      validate: validateHttpUrl(true),
      access: staffOnly,
    },
    {
      name: 'status',
      type: 'select',
      label: l('状態', 'Status'),
      required: true,
      defaultValue: 'active',
      options: toOptions(LINK_STATUS),
      admin: { position: 'sidebar' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'activeFrom',
          type: 'date',
          label: l('掲載開始', 'Active from'),
          access: staffOnly,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'activeUntil',
          type: 'date',
          label: l('掲載終了', 'Active until'),
          access: staffOnly,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
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
      access: staffOnly,
      admin: { readOnly: true },
      fields: [
        { name: 'lastCheckedAt', type: 'date', label: l('最終確認', 'Last checked') },
        { name: 'lastStatus', type: 'text', label: l('結果', 'Result') },
      ],
    },
  ],
  hooks: {
    afterChange: [forgetCachedLinks, revalidateLink],
    beforeDelete: [rememberArticlesShowing('links')],
    afterDelete: [forgetCachedLinks, revalidateLinkAfterDelete],
  },
}
