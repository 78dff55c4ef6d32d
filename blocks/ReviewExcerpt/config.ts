import type { Block } from 'payload'

import { l } from '@/lib/i18n'

export const ReviewExcerptBlock: Block = {
  slug: 'reviewExcerpt',
  interfaceName: 'ReviewExcerptBlock',
  labels: {
    singular: l('口コミ引用', 'Review excerpt'),
    plural: l('口コミ引用', 'Review excerpts'),
  },
  fields: [
    {
      name: 'review',
      type: 'relationship',
      relationTo: 'reviews',
      required: true,
      label: l('口コミ', 'Review'),
      // only what readers can see may be quoted
      filterOptions: { status: { equals: 'approved' } },
    },
  ],
}
