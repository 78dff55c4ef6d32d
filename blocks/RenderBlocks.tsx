import type { JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'
import type { SerializedLinkNode } from '@payloadcms/richtext-lexical'
import Link from 'next/link'
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react'

import { PrMarker } from '@/components/PrMarker'
import { isGoUrl } from '@/lib/prLabel'
import { safeHref } from '@/lib/safeHref'
import type {
  AgentCardBlock,
  AgentComparisonBlock,
  CalloutBlock,
  FaqBlock,
  ReviewExcerptBlock,
} from '@/payload-types'

import { AgentCardComponent } from './AgentCard/Component'
import { AgentComparisonComponent } from './AgentComparison/Component'
import { CalloutComponent } from './Callout/Component'
import { FaqComponent } from './Faq/Component'
import { ReviewExcerptComponent } from './ReviewExcerpt/Component'

type Options = {
  /** Where CTAs on this page say they were clicked (the `from` of /go/ links). */
  placement: string
  /** Anchor ids for headings, from the table of contents. */
  headingIds?: WeakMap<object, string>
  /** Reviews the body quotes in review-quote blocks (agent cards leave them out). */
  quotedReviews?: string[]
}

const internalHref = (node: SerializedLinkNode): string | null => {
  const doc = node.fields.doc
  if (!doc || typeof doc.value !== 'object' || !doc.value) return null
  const slug = (doc.value as { slug?: string }).slug
  if (!slug) return null
  if (doc.relationTo === 'articles') return `/articles/${slug}`
  if (doc.relationTo === 'agents') return `/agents/${slug}`
  return null
}

const withPlacement = (href: string, placement: string): string => {
  const url = new URL(href, 'http://site.invalid')
  // the writer's own ?from=/&slot= are replaced: the click report trusts only the site's own
  if (url.searchParams.has('from') || url.searchParams.has('slot')) {
    url.searchParams.delete('from')
    url.searchParams.delete('slot')
  }
  url.searchParams.set('from', placement)
  url.searchParams.set('slot', 'text')
  return `${url.pathname}${url.search}`
}

type LinkLike = Pick<SerializedLinkNode, 'fields'>

function renderLink(node: LinkLike, children: ReactNode, placement: string) {
  const href =
    node.fields.linkType === 'internal'
      ? internalHref(node as SerializedLinkNode)
      : safeHref(node.fields.url)
  if (!href) return <>{children}</>
  if (isGoUrl(href)) {
    // every paid link is labelled and marked sponsored, wherever the writer put it
    return (
      <a href={withPlacement(href, placement)} rel="sponsored noopener" target="_blank">
        <PrMarker />
        {children}
      </a>
    )
  }
  if (href.startsWith('/')) return <Link href={href}>{children}</Link>
  return (
    <a href={href} rel="noopener noreferrer" target={node.fields.newTab ? '_blank' : undefined}>
      {children}
    </a>
  )
}

/** Maps Lexical nodes and article blocks to the site's components. */
export const articleConverters =
  ({ placement, headingIds, quotedReviews }: Options): JSXConvertersFunction =>
  ({ defaultConverters }) => ({
    ...defaultConverters,
    heading: ({ node, nodesToJSX }) => {
      const Tag = (['h2', 'h3', 'h4'].includes(node.tag) ? node.tag : 'h2') as 'h2' | 'h3' | 'h4'
      return <Tag id={headingIds?.get(node)}>{nodesToJSX({ nodes: node.children })}</Tag>
    },
    // Payload writes each item's number as `value` on every <li>; HTML allows it in <ol> only
    listitem: (args) => {
      const convert = defaultConverters.listitem
      const item = typeof convert === 'function' ? convert(args) : null
      const inOrderedList = 'tag' in args.parent && args.parent.tag === 'ol'
      return inOrderedList || !isValidElement(item)
        ? item
        : cloneElement(item as ReactElement<{ value?: number }>, { value: undefined })
    },
    // links and autolinks (URLs typed as text) go through the same rule: a site path, http(s),
    // mailto: or tel: becomes a link; anything else is shown as plain text
    link: ({ node, nodesToJSX }) =>
      renderLink(node, nodesToJSX({ nodes: node.children }), placement),
    autolink: ({ node, nodesToJSX }) =>
      renderLink(node, nodesToJSX({ nodes: node.children }), placement),
    blocks: {
      agentCard: ({ node }: { node: { fields: AgentCardBlock } }) => (
        <AgentCardComponent {...node.fields} placement={placement} quotedReviews={quotedReviews} />
      ),
      agentComparison: ({ node }: { node: { fields: AgentComparisonBlock } }) => (
        <AgentComparisonComponent {...node.fields} placement={placement} />
      ),
      reviewExcerpt: ({ node }: { node: { fields: ReviewExcerptBlock } }) => (
        <ReviewExcerptComponent {...node.fields} />
      ),
      callout: ({ node }: { node: { fields: CalloutBlock } }) => (
        <CalloutComponent {...node.fields} />
      ),
      faq: ({ node }: { node: { fields: FaqBlock } }) => <FaqComponent {...node.fields} />,
    },
  })
