import type { Block } from 'payload'

import { l } from '@/lib/i18n'

export const FaqBlock: Block = {
  slug: 'faq',
  interfaceName: 'FaqBlock',
  labels: { singular: l('よくある質問', 'FAQ'), plural: l('よくある質問', 'FAQs') },
  fields: [
    {
      name: 'items',
      type: 'array',
      label: l('質問と回答', 'Questions'),
      labels: { singular: l('質問', 'Question'), plural: l('質問', 'Questions') },
      minRows: 1,
      required: true,
      fields: [
        {
          name: 'question',
          type: 'text',
          label: l('質問', 'Question'),
          required: true,
          maxLength: 120,
        },
        {
          name: 'answer',
          type: 'textarea',
          label: l('回答', 'Answer'),
          required: true,
          maxLength: 1000,
        },
      ],
    },
  ],
}
