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
