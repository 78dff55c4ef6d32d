type LexicalNode = {
  type?: string
  text?: string
  children?: LexicalNode[]
  fields?: Record<string, unknown>
}

// block fields that hold reader-visible text
const BLOCK_TEXT_FIELDS = ['title', 'body', 'caption', 'heading']

function collect(node: LexicalNode, out: string[]) {
  if (node.type === 'text' && node.text) out.push(node.text)
  if (node.type === 'block' && node.fields) {
    for (const key of BLOCK_TEXT_FIELDS) {
      const value = node.fields[key]
      if (typeof value === 'string') out.push(value)
    }
    const items = node.fields.items
    if (Array.isArray(items)) {
      for (const item of items as { question?: string; answer?: string }[]) {
        if (item.question) out.push(item.question)
        if (item.answer) out.push(item.answer)
      }
    }
  }
  for (const child of node.children ?? []) collect(child, out)
  if (['paragraph', 'heading', 'listitem', 'quote'].includes(node.type ?? '')) out.push('\n')
}

/** The words a reader sees in a Lexical body, as plain text (for search and descriptions). */
export function lexicalToPlainText(body: { root?: LexicalNode } | null | undefined): string {
  if (!body?.root) return ''
  const out: string[] = []
  collect(body.root, out)
  return out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim()
}

type Ref = string | number | { id: string | number } | null | undefined

const idOf = (ref: Ref): string | number | undefined =>
  ref && typeof ref === 'object' ? ref.id : (ref ?? undefined)

/** The agents a body features through agent cards and comparison tables, in order, once each. */
export function featuredAgentIds(
  body: { root?: LexicalNode } | null | undefined,
): (string | number)[] {
  const ids: (string | number)[] = []
  const visit = (node: LexicalNode) => {
    if (node.type === 'block' && node.fields) {
      const refs =
        node.fields.blockType === 'agentCard'
          ? [node.fields.agent as Ref]
          : node.fields.blockType === 'agentComparison'
            ? ((node.fields.agents as Ref[]) ?? [])
            : []
      for (const ref of refs) {
        const id = idOf(ref)
        if (id !== undefined && !ids.includes(id)) ids.push(id)
      }
    }
    node.children?.forEach(visit)
  }
  if (body?.root) visit(body.root)
  return ids
}
