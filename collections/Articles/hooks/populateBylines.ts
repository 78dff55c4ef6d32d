import type { CollectionAfterReadHook } from 'payload'

import type { Article, User } from '@/payload-types'

const idOf = (ref: Article['author'] | null | undefined): User['id'] | undefined =>
  ref && typeof ref === 'object' ? ref.id : (ref ?? undefined)

// The users collection is private (it holds e-mail addresses and roles), so the public
// byline fields are copied here for readers instead of opening users to them.
export const populateBylines: CollectionAfterReadHook<Article> = async ({ doc, req }) => {
  const refs = [
    { role: 'author' as const, id: idOf(doc.author) },
    { role: 'supervisor' as const, id: idOf(doc.supervisor) },
  ]
  const bylines: NonNullable<Article['bylines']> = []
  for (const { role, id } of refs) {
    if (id === undefined) continue
    const user = await req.payload
      .findByID({
        collection: 'users',
        id,
        depth: 0,
        select: { displayName: true, qualification: true, bio: true, profileSlug: true },
        overrideAccess: true,
        req,
      })
      .catch(() => null)
    if (user) {
      bylines.push({
        role,
        name: user.displayName,
        slug: user.profileSlug ?? null,
        qualification: user.qualification ?? null,
        bio: user.bio ?? null,
      })
    }
  }
  doc.bylines = bylines
  return doc
}
