import { isValidSlug } from '@/collections/shared/validators'
import { cachedQuery } from '@/lib/cache'
import { TAGS } from '@/lib/cacheTags'
import { getPayloadClient } from '@/lib/payload'
import type { User } from '@/payload-types'

/** What readers may see of a staff member: their byline, never their account. */
export type PublicPerson = {
  id: User['id']
  displayName: string
  profileSlug: string
  qualification: string | null
  bio: string | null
}

/**
 * The author or supervisor whose page is /authors/[slug], or null. Users are staff-only on the
 * API, so this reads with the server's rights and returns the byline fields alone.
 */
export const getPersonBySlug = cachedQuery(
  'person',
  async (slug: string): Promise<PublicPerson | null> => {
    if (!isValidSlug(slug)) return null
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'users',
      where: { profileSlug: { equals: slug } },
      limit: 1,
      depth: 0,
      select: { displayName: true, profileSlug: true, qualification: true, bio: true },
      overrideAccess: true,
    })
    const user = docs[0]
    if (!user?.profileSlug) return null
    return {
      id: user.id,
      displayName: user.displayName,
      profileSlug: user.profileSlug,
      qualification: user.qualification ?? null,
      bio: user.bio ?? null,
    }
  },
  [TAGS.people],
)
