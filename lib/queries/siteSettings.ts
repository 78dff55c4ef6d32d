import { cachedQuery } from '@/lib/cache'
import { TAGS } from '@/lib/cacheTags'
import { getPayloadClient } from '@/lib/payload'
import type { SiteSetting } from '@/payload-types'

/** Site name, operator, licence and disclosure lines, as visitors may read them. */
export const getSiteSettings = cachedQuery(
  'site-settings',
  async (): Promise<SiteSetting> => {
    const payload = await getPayloadClient()
    return payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: false })
  },
  [TAGS.settings],
)
