// the five XML entities are all the feed and the sitemap need escaped; an XML library would add
// more than it saves
export const escapeXml = (value: string) =>
  value.replace(
    /[<>&'"]/g,
    (ch) =>
      ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch] as string,
  )
