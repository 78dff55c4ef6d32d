type LexicalNode = { type?: string; tag?: string; text?: string; children?: LexicalNode[] }

export type TocEntry = { id: string; text: string; level: 2 | 3 }

const textOf = (node: LexicalNode): string =>
  node.type === 'text' ? (node.text ?? '') : (node.children ?? []).map(textOf).join('')

/**
 * The table of contents of an article body: its H2 and H3 headings, in order, each with the
 * anchor id the page gives it (section-1, section-2 …, stable for a given body).
 * Returns the heading nodes too, so the renderer can put the same ids on them.
 */
export function extractToc(body: { root?: LexicalNode } | null | undefined): {
  entries: TocEntry[]
  ids: WeakMap<object, string>
} {
  const entries: TocEntry[] = []
  const ids = new WeakMap<object, string>()
  for (const node of body?.root?.children ?? []) {
    if (node.type !== 'heading' || (node.tag !== 'h2' && node.tag !== 'h3')) continue
    const text = textOf(node).trim()
    if (!text) continue
    const id = `section-${entries.length + 1}`
    entries.push({ id, text, level: node.tag === 'h2' ? 2 : 3 })
    ids.set(node, id)
  }
  return { entries, ids }
}
