import { stat } from 'node:fs/promises'
import path from 'node:path'

import type { CollectionConfig, UploadConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { canChangeMedia } from '@/access/canChangeMedia'
import { isStaff } from '@/access/isStaff'
import { resolveMediaDir } from '@/lib/env'
import { l } from '@/lib/i18n'

import {
  rememberMediaUse,
  revalidateMedia,
  revalidateMediaAfterDelete,
} from './hooks/revalidateMedia'

const staticDir = resolveMediaDir(process.env)


export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: l('メディア', 'Media'), plural: l('メディア', 'Media') },
  admin: { group: l('コンテンツ', 'Content') },
  access: { read: anyone, create: isStaff, update: canChangeMedia, delete: canChangeMedia },
  upload: {
    staticDir,
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/avif'],
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
      { name: 'card', width: 768, height: 432, position: 'centre' },
      { name: 'og', width: 1200, height: 630, position: 'centre' },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    handlers: [
      // a file that was deleted or replaced answers 404 (Payload's own handler answers 500)
      (async (_req, { params }) => {
        const name = path.basename(String(params.filename ?? ''))
        const found = await stat(/* turbopackIgnore: true */ path.join(staticDir, name)).then(
          (s) => s.isFile(),
          () => false,
        )
        if (!name || !found) {
          return Response.json(
            { errors: [{ message: 'ファイルが見つかりません。' }] },
            { status: 404, headers: { 'Cache-Control': 'no-store' } },
          )
        }
      }) as NonNullable<UploadConfig['handlers']>[number],
    ],
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
    {
      // how many public pages show this upload (published articles and agents' logos), kept by
      // those documents' hooks (lib/mediaUses.ts) so that an access check never reads the
      // archive; the rebuild-media-uses job counts them all again
      name: 'publicUses',
      type: 'number',
      label: l('公開ページでの使用数', 'Uses on public pages'),
      defaultValue: 0,
      index: true,
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
  hooks: {
    afterChange: [revalidateMedia],
    beforeDelete: [rememberMediaUse],
    afterDelete: [revalidateMediaAfterDelete],
  },
}
