// Raw affiliate (ASP) URLs must never be pasted into articles: every paid link goes through the
// link manager and /go/, where it is labelled, counted and can be switched off. These rules
// find such URLs in rich text and plain fields.

/** The tracking domains refused by default; editors extend the list in site settings. */
export const DEFAULT_ASP_DOMAINS = [
  'px.a8.net',
  'afi-b.com',
  't.afi-b.com',
  'ck.jp.ap.valuecommerce.com',
  'af.moshimo.com',
  'h.accesstrade.net',
]

const URL_PATTERN = /\b(?:https?:)?\/\/[^\s"'<>()]+/gi
const BARE_PATTERN = /(?<![\w./-])((?:[a-z0-9-]+\.)+[a-z]{2,})\/[^\s"'<>()]*/gi

const hostOf = (url: string): string | null => {
  try {
    return new URL(url.startsWith('//') ? `https:${url}` : url).hostname.toLowerCase()
  } catch {
    return null
  }
}

/** True when the host is one of the domains or a subdomain of one. */
export const isAspHost = (host: string, domains: readonly string[]): boolean =>
  domains.some((d) => {
    const domain = d.trim().toLowerCase()
    return domain !== '' && (host === domain || host.endsWith(`.${domain}`))
  })

/**
 * Every raw ASP URL in a value of any shape (Lexical JSON, block fields, plain text): link
 * nodes' `url` fields and URLs written in text alike.
 */
export function findAspUrls(value: unknown, domains: readonly string[]): string[] {
  const found = new Set<string>()
  const visit = (node: unknown) => {
    if (typeof node === 'string') {
      for (const match of node.match(URL_PATTERN) ?? []) {
        const host = hostOf(match)
        if (host && isAspHost(host, domains)) found.add(match)
      }
      // a bare address without a scheme, as pasted from an ASP's report
      for (const match of node.matchAll(BARE_PATTERN)) {
        if (isAspHost(match[1].toLowerCase(), domains)) found.add(match[0])
      }
      return
    }
    if (Array.isArray(node)) node.forEach(visit)
    else if (node && typeof node === 'object') Object.values(node).forEach(visit)
  }
  visit(value)
  return [...found]
}

export const aspRefusal = (urls: string[]) =>
  `ASPのアフィリエイトURL(${urls.slice(0, 3).join(', ')})は直接貼り付けられません。リンク管理(アフィリエイトリンク)に登録し、そのリンクから挿入してください。`
