import { PROMOTIONAL_BLOCK_TYPES } from '@/blocks/promotional'

type LexicalNode = {
  type?: string
  children?: LexicalNode[]
  fields?: Record<string, unknown> & {
    blockType?: string
    url?: string
    linkType?: string
    doc?: unknown
  }
}

type RichTextValue = { root?: LexicalNode } | null | undefined

/** True for a URL that goes through the affiliate redirect (/go/…), relative or absolute. */
export const isGoUrl = (url: unknown): boolean => {
  if (typeof url !== 'string') return false
  try {
    return new URL(url, 'http://site.invalid').pathname.startsWith('/go/')
  } catch {
    return false
  }
}

const nodePromotes = (node: LexicalNode): boolean => {
  if (
    node.type === 'block' &&
    node.fields?.blockType &&
    PROMOTIONAL_BLOCK_TYPES.has(node.fields.blockType)
  ) {
    return true
  }
  if ((node.type === 'link' || node.type === 'autolink') && node.fields) {
    if (isGoUrl(node.fields.url)) return true
    const doc = node.fields.doc as { relationTo?: string } | undefined
    if (node.fields.linkType === 'internal' && doc?.relationTo === 'affiliate-links') return true
  }
  return Boolean(node.children?.some(nodePromotes))
}

/**
 * Whether rich text promotes anything: an agent card or comparison (both carry CTAs),
 * a link through /go/, or a link to an affiliate-link document.
 */
export const bodyIsPromotional = (body: RichTextValue): boolean =>
  Boolean(body?.root && nodePromotes(body.root))
