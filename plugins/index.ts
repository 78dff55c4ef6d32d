import { redirectsPlugin } from '@payloadcms/plugin-redirects'
import { seoPlugin } from '@payloadcms/plugin-seo'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Field, Plugin } from 'payload'

import { isEditor } from '@/access/isEditor'
import { isStaff } from '@/access/isStaff'
import { guardApiQuery } from '@/collections/shared/guardApiQuery'
import { TAGS } from '@/lib/cacheTags'
import { serverUrl } from '@/lib/env'
import { clearReferencesAfterDelete, refuseWhileRequired } from '@/lib/references'
import { l } from '@/lib/i18n'
import { revalidateTags } from '@/lib/revalidate'
import type { Article } from '@/payload-types'

// Payload's official plugins, configured for this site, then the guard every collection's API
// queries pass and the clean-up after every delete (last, so they cover the plugins' collections).

const named = (field: Field, name: string) => 'name' in field && field.name === name

/** The SEO group of articles (meta.title, meta.description, meta.image), with its preview. */
const seo = seoPlugin({
  collections: ['articles'],
  uploadsCollection: 'media',
  tabbedUI: false,
  generateTitle: ({ doc }) => (doc as Partial<Article>).title ?? '',
  generateDescription: ({ doc }) => ((doc as Partial<Article>).lead ?? '').slice(0, 120),
  generateURL: ({ doc }) => `${serverUrl()}/articles/${(doc as Partial<Article>).slug ?? ''}`,
  // the labels and limits the site's editors know (search result title ≤ 70, description ≤ 160)
  fields: ({ defaultFields }) =>
    defaultFields.map((field) => {
      if (named(field, 'title'))
        return { ...field, label: l('検索結果のタイトル', 'Meta title'), maxLength: 70 } as Field
      if (named(field, 'description'))
        return {
          ...field,
          label: l('検索結果の説明文', 'Meta description'),
          maxLength: 160,
        } as Field
      if (named(field, 'image'))
        return { ...field, label: l('SNS共有画像', 'Share image') } as Field
      return field
    }),
})

const expireRedirects: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({ doc, req }) => {
  revalidateTags([TAGS.redirects], req.context)
  return doc
}

/**
 * Old addresses and where they now live. Written by the slug hooks of articles, agents and
 * categories (collections/shared/redirectOldSlug.ts) and by editors; read by the site through
 * lib/queries/redirects (only to this site's own pages).
 */
const redirects = redirectsPlugin({
  collections: ['articles', 'agents', 'categories'],
  redirectTypes: ['301'],
  redirectTypeFieldOverride: { label: l('種類', 'Type'), defaultValue: '301' },
  overrides: {
    labels: { singular: l('リダイレクト', 'Redirect'), plural: l('リダイレクト', 'Redirects') },
    admin: {
      group: l('コンテンツ', 'Content'),
      useAsTitle: 'from',
      defaultColumns: ['from', 'to', 'type', 'updatedAt'],
      description: l(
        'スラッグを変えた記事・エージェント・カテゴリは自動で登録されます。古いURLは新しいURLへ301で転送されます',
        'Added automatically when a slug changes',
      ),
    },
    access: { read: isStaff, create: isEditor, update: isEditor, delete: isEditor },
    hooks: { afterChange: [expireRedirects], afterDelete: [expireRedirects] },
    fields: ({ defaultFields }) =>
      defaultFields.map((field) =>
        named(field, 'from')
          ? ({
              ...field,
              label: l('元のURL(パス)', 'From path'),
              admin: { description: l('例: /articles/old-slug', 'e.g. /articles/old-slug') },
              validate: (value: unknown) =>
                typeof value === 'string' && /^\/(?!\/)[^\s?#]{0,299}$/.test(value)
                  ? true
                  : '/ で始まるサイト内のパスを入力してください(例: /articles/old-slug)',
            } as Field)
          : field,
      ),
  },
})

/**
 * What every collection gets: its REST and GraphQL queries pass the same guard
 * (lib/apiQueryRules.ts); a document still required by another is not deleted, and a deleted
 * one leaves no reference behind, on either database (lib/references.ts).
 */
const everyCollection: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [guardApiQuery, ...(collection.hooks?.beforeOperation ?? [])],
      beforeDelete: [...(collection.hooks?.beforeDelete ?? []), refuseWhileRequired],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), clearReferencesAfterDelete],
    },
  })),
})

export const plugins: Plugin[] = [seo, redirects, everyCollection]
