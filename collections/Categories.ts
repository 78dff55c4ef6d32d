import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/isEditor'
import { TAGS } from '@/lib/cacheTags'
import { l } from '@/lib/i18n'
import { revalidateTags } from '@/lib/revalidate'

import { redirectOldSlug } from './shared/redirectOldSlug'
import { slugField } from './shared/slugField'

export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: l('カテゴリ', 'Category'), plural: l('カテゴリ', 'Categories') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug'],
    group: l('コンテンツ', 'Content'),
  },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'name', type: 'text', label: l('名前', 'Name'), required: true, maxLength: 40 },
    slugField(),
    { name: 'description', type: 'textarea', label: l('説明', 'Description'), maxLength: 300 },
  ],
  hooks: {
    // category names appear in navigation, listings and every article's breadcrumb
    afterChange: [
      redirectOldSlug('categories', '/categories/'),
      ({ doc, context }) => (revalidateTags([TAGS.categories, TAGS.articleLists], context), doc),
    ],
    afterDelete: [
      ({ doc, context }) => (revalidateTags([TAGS.categories, TAGS.articleLists], context), doc),
    ],
  },
}
