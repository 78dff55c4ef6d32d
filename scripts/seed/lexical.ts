// A small builder for Lexical JSON, so demo articles read like the documents the editor saves.
import { randomBytes } from 'node:crypto'

type Node = Record<string, unknown>

const base = { format: '', indent: 0, version: 1, direction: 'ltr' as const }

export const text = (value: string, bold = false): Node => ({
  type: 'text',
  text: value,
  format: bold ? 1 : 0,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})

type Inline = string | Node
const inline = (children: Inline[]) => children.map((c) => (typeof c === 'string' ? text(c) : c))

export const p = (...children: Inline[]): Node => ({
  ...base,
  type: 'paragraph',
  textFormat: 0,
  textStyle: '',
  children: inline(children),
})

export const h2 = (value: string): Node => ({
  ...base,
  type: 'heading',
  tag: 'h2',
  children: [text(value)],
})
export const h3 = (value: string): Node => ({
  ...base,
  type: 'heading',
  tag: 'h3',
  children: [text(value)],
})

export const ul = (...items: Inline[]): Node => ({
  ...base,
  type: 'list',
  listType: 'bullet',
  start: 1,
  tag: 'ul',
  children: items.map((item, i) => ({
    ...base,
    type: 'listitem',
    value: i + 1,
    children: inline([item]),
  })),
})

export const ol = (...items: Inline[]): Node => ({
  ...ul(...items),
  listType: 'number',
  tag: 'ol',
})

export const link = (url: string, label: string, newTab = false): Node => ({
  ...base,
  type: 'link',
  version: 3,
  fields: { linkType: 'custom', url, newTab },
  children: [text(label)],
})

export const block = (blockType: string, fields: Record<string, unknown>): Node => ({
  type: 'block',
  version: 2,
  format: '',
  fields: { id: randomBytes(12).toString('hex'), blockName: '', blockType, ...fields },
})

export const doc = (...children: Node[]) => ({ root: { ...base, type: 'root', children } })
