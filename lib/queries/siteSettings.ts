import { cachedQuery } from '@/lib/cache'
import { TAGS } from '@/lib/cacheTags'
import { DEFAULT_FACTS_POLICY, type FactsPolicy } from '@/lib/facts'
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

/**
 * How readers see agent facts past their age limit (lib/facts.ts). The compliance settings are
 * staff-only in the API; these two values are read by the server for every reader's page.
 */
export const getFactsPolicy = cachedQuery(
  'facts-policy',
  async (): Promise<FactsPolicy> => {
    const payload = await getPayloadClient()
    const settings = await payload.findGlobal({
      slug: 'site-settings',
      depth: 0,
      overrideAccess: true,
      select: { compliance: { factsMaxAgeMonths: true, outdatedFacts: true } },
    })
    return {
      maxAgeMonths: settings.compliance?.factsMaxAgeMonths ?? DEFAULT_FACTS_POLICY.maxAgeMonths,
      mode: settings.compliance?.outdatedFacts ?? DEFAULT_FACTS_POLICY.mode,
    }
  },
  [TAGS.settings],
)
