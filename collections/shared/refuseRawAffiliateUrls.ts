import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { aspRefusal, DEFAULT_ASP_DOMAINS, findAspUrls } from '@/lib/affiliateUrls'

/**
 * Refuses a save that pastes a raw ASP tracking URL into any of the given fields (rich text,
 * text, link fields inside blocks), naming the field, so the writer inserts the link from the
 * link manager instead. The domain list comes from site settings.
 */
export const refuseRawAffiliateUrls =
  (fields: string[]): CollectionBeforeValidateHook =>
  async ({ data, req, collection }) => {
    if (!data) return data
    const settings = await req.payload.findGlobal({
      slug: 'site-settings',
      depth: 0,
      overrideAccess: true,
      req,
    })
    const listed = settings.compliance?.aspDomains?.map((d) => d.domain).filter(Boolean)
    const domains = listed && listed.length > 0 ? listed : DEFAULT_ASP_DOMAINS
    const errors = fields.flatMap((path) => {
      const urls = findAspUrls(data[path], domains)
      return urls.length ? [{ path, message: aspRefusal(urls) }] : []
    })
    if (errors.length) {
      throw new ValidationError({ collection: collection.slug, errors }, req.t)
    }
    return data
  }
