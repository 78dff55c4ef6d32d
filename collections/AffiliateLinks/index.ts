import type { CollectionConfig, FieldAccess } from 'payload'

import { isMarketer } from '@/access/isMarketer'
import { hasRole } from '@/access/roles'
import { l } from '@/lib/i18n'
import { ASPS, LINK_STATUS, toOptions } from '@/lib/taxonomy'

import { slugField } from '../shared/slugField'
import { validateHttpUrl } from '../shared/validators'
import { revalidateLink, revalidateLinkAfterDelete } from './hooks/revalidateLink'

const staffOnly: FieldAccess = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor', 'writer', 'marketer')

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
    // visitors may see that an active link exists (its slug, for CTAs), never where it points
    read: ({ req: { user } }) =>
      hasRole(user, 'admin', 'editor', 'writer', 'marketer')
        ? true
        : { status: { equals: 'active' } },
    create: isMarketer,
    update: isMarketer,
    delete: isMarketer,
  },
  fields: [
    { name: 'name', type: 'text', label: l('管理名', 'Name'), required: true, maxLength: 80 },
    slugField(),
    {
      name: 'agent',
      type: 'relationship',
      relationTo: 'agents',
      label: l('エージェント', 'Agent'),
      required: true,
    },
    {
      name: 'asp',
      type: 'select',
      label: l('ASP', 'ASP'),
      required: true,
      options: toOptions(ASPS),
    },
    {
      name: 'destinationUrl',
      type: 'text',
      label: l('遷移先URL', 'Destination URL'),
      required: true,
      validate: validateHttpUrl(true),
      access: { read: staffOnly },
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
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'activeUntil',
          type: 'date',
          label: l('掲載終了', 'Active until'),
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
      access: { read: staffOnly },
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
      access: { read: staffOnly },
    },
    {
      name: 'health',
      type: 'group',
      label: l('リンクの状態', 'Health'),
      access: { read: staffOnly },
      admin: { readOnly: true },
      fields: [
        { name: 'lastCheckedAt', type: 'date', label: l('最終確認', 'Last checked') },
        { name: 'lastStatus', type: 'text', label: l('結果', 'Result') },
      ],
    },
  ],
  hooks: {
    afterChange: [revalidateLink],
    afterDelete: [revalidateLinkAfterDelete],
  },
}
