import type { CollectionConfig, TextFieldSingleValidation, Where } from 'payload'

import { adminOrSelf } from '@/access/adminOrSelf'
import { isAdmin, isAdminField, isAdminUser } from '@/access/isAdmin'
import { isStaff, isStaffUser } from '@/access/isStaff'
import { ROLES } from '@/access/roles'
import { secureCookies } from '@/lib/env'
import { l } from '@/lib/i18n'

import { clearSignInFailures, limitSignIn } from './shared/limitSignIn'
import { validateSlug } from './shared/validators'
import { revalidatePeople } from './shared/revalidatePeople'

/** An address no one else has, in the site's slug form; empty is no page. */
const validateProfileSlug: TextFieldSingleValidation = async (value, options) => {
  if (!value) return true
  const form = validateSlug(value, options)
  if (form !== true) return form
  const { req, id } = options
  const where: Where = { profileSlug: { equals: value } }
  const { totalDocs } = await req.payload.count({
    collection: 'users',
    where: id === undefined ? where : { and: [where, { id: { not_equals: id } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs === 0 ? true : 'このプロフィールページのURLはほかの人が使っています。'
}

const roleLabels: Record<(typeof ROLES)[number], { ja: string; en: string }> = {
  admin: l('管理者', 'Admin'),
  editor: l('編集者', 'Editor'),
  writer: l('ライター', 'Writer'),
  marketer: l('マーケター', 'Marketer'),
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: l('ユーザー', 'User'), plural: l('ユーザー', 'Users') },
  auth: {
    // Guessing is limited per client address (collections/shared/limitSignIn.ts), so a stranger
    // cannot lock an account from one address. The account lock stays only as a backstop
    // against guessing from many addresses at once, far above what one address may try.
    maxLoginAttempts: 100,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 60 * 60 * 8,
    cookies: {
      secure: secureCookies(),
      sameSite: 'Lax',
    },
  },
  admin: {
    useAsTitle: 'displayName',
    defaultColumns: ['displayName', 'email', 'roles'],
    group: l('設定', 'Settings'),
    hidden: ({ user }) => !isAdminUser(user as never),
  },
  access: {
    admin: ({ req: { user } }) => isStaffUser(user),
    create: isAdmin,
    // the team sees each other's names (authors, supervisors); visitors never read accounts
    read: isStaff,
    update: adminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [limitSignIn],
    afterOperation: [clearSignInFailures],
    afterChange: [revalidatePeople],
    afterDelete: [revalidatePeople],
  },
  fields: [
    {
      name: 'displayName',
      type: 'text',
      label: l('表示名', 'Display name'),
      required: true,
      maxLength: 40,
    },
    {
      name: 'roles',
      type: 'select',
      label: l('権限', 'Roles'),
      hasMany: true,
      required: true,
      saveToJWT: true,
      defaultValue: ['writer'],
      options: ROLES.map((value) => ({ value, label: roleLabels[value] })),
      // a user can never grant themselves a role
      access: { create: isAdminField, update: isAdminField },
    },
    {
      name: 'qualification',
      type: 'text',
      label: l('資格・肩書き', 'Qualification'),
      maxLength: 80,
      admin: {
        description: l(
          '記事の著者・監修者欄に表示されます(例: 国家資格キャリアコンサルタント)',
          'Shown in bylines',
        ),
      },
    },
    {
      name: 'bio',
      type: 'textarea',
      label: l('プロフィール', 'Profile'),
      maxLength: 400,
    },
    {
      name: 'profileSlug',
      type: 'text',
      label: l('プロフィールページのURL', 'Profile page slug'),
      // checked here rather than by a unique index: on MongoDB a unique (sparse) index counts
      // every empty value too, so only one person could be without a page
      index: true,
      validate: validateProfileSlug,
      admin: {
        description: l(
          '/authors/◯◯ で著者・監修者のページを公開します(半角英小文字・数字・ハイフン)。空欄なら公開しません',
          'Publishes /authors/<slug> with the name, qualification, profile and articles; empty: no page',
        ),
      },
    },
  ],
}
