import type { Block } from 'payload'

import { l } from '@/lib/i18n'

export const CalloutBlock: Block = {
  slug: 'callout',
  interfaceName: 'CalloutBlock',
  labels: { singular: l('補足ボックス', 'Callout'), plural: l('補足ボックス', 'Callouts') },
  fields: [
    {
      name: 'tone',
      type: 'select',
      label: l('種類', 'Tone'),
      required: true,
      defaultValue: 'point',
      options: [
        { value: 'point', label: l('ポイント', 'Point') },
        { value: 'caution', label: l('注意', 'Caution') },
      ],
    },
    { name: 'title', type: 'text', label: l('タイトル', 'Title'), maxLength: 60 },
    { name: 'body', type: 'textarea', label: l('本文', 'Body'), required: true, maxLength: 1000 },
  ],
}
