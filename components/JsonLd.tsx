import { serializeJsonLd } from '@/lib/seo/jsonLd'

/** Structured data for search engines. serializeJsonLd escapes `<`, so the content is inert. */
export function JsonLd({ data }: { data: unknown }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
    />
  )
}
