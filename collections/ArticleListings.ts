import type { CollectionConfig } from 'payload'

import { nobody } from '@/access/nobody'
import { l } from '@/lib/i18n'

/**
 * One row per published article and list it appears in (`category:<id>`, `agent:<id>` for the
 * agents its body features), with its publication date: a category page or an agent's
 * "articles featuring it" reads ten rows of one list in date order through the compound index,
 * instead of Payload's join through the articles' relationship rows, which sorts every article
 * of the category to return ten. Kept by the articles' hooks (lib/articleListings.ts) from the
 * live version only; derived data that is rebuilt when found empty.
 */
export const ArticleListings: CollectionConfig = {
  slug: 'article-listings',
  labels: { singular: l('記事一覧の行', 'Listing row'), plural: l('記事一覧', 'Listings') },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  // createdAt last: Payload orders ties by it, and a page past the first reads its ids from the
  // index alone (lib/pageRows.ts), never the skipped rows from the table
  indexes: [{ fields: ['list', 'publishedAt', 'createdAt'] }],
  fields: [
    { name: 'list', type: 'text', required: true },
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true },
    { name: 'publishedAt', type: 'date', required: true },
  ],
}
