import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isStaff } from '@/access/isStaff'
import { resolveMediaDir } from '@/lib/env'
import { l } from '@/lib/i18n'

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: l('メディア', 'Media'), plural: l('メディア', 'Media') },
  admin: { group: l('コンテンツ', 'Content') },
  access: { read: anyone, create: isStaff, update: isStaff, delete: isStaff },
  upload: {
    staticDir: resolveMediaDir(process.env),
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/avif'],
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
      { name: 'card', width: 768, height: 432, position: 'centre' },
      { name: 'og', width: 1200, height: 630, position: 'centre' },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: l('代替テキスト', 'Alt text'),
      required: true,
      maxLength: 200,
      admin: {
        description: l(
          '画像の内容を説明する文章(読み上げに使われます)',
          'Describes the image for screen readers',
        ),
      },
    },
  ],
}
